#!/usr/bin/env bash
# Renders every screen of the real app from a seeded demo clinic, in both orientations and both
# languages, and checks each image exists and is not empty. usage: screenshots_test.sh CAIRNCTL CAIRN
set -euo pipefail
cairnctl=$1
cairn=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CAIRN_KEYSTORE="file:$work/keys" QT_QPA_PLATFORM=offscreen TZ=UTC
"$cairnctl" --db "$work/demo.db" demo-setup --patients 80 2>/dev/null
CAIRN_USER="Casey Clinician" CAIRN_PIN=1357 CAIRN_ADMIN_USER="Alex Admin" CAIRN_ADMIN_PIN=246810 timeout 420 "$cairn" --db "$work/demo.db" --screenshots "$work/shots" 2>/dev/null
expected=(01-sign-in 02-today 15-today-patient 03-patients 04-patient 04-patient-visit 04-patient-history 11-form-visit 11-form-opioid 12-form-opioid-errors 11-form-benzodiazepine 11-form-uds 11-form-naloxone 11-form-risk_tier 11-form-ltot_decision 11-form-goal 11-form-taper_plan 11-form-pdmp_check 11-form-refill_request 11-form-medication_review 11-form-patient 11-form-inactivation 11-form-case_conference 11-form-task 11-form-no_referral 11-form-intake 11-form-oud_assessment 11-form-moud_status 14-screening-ort 14-screening-pcptsd5 13-agreement 09-rooming 10-rehearsal 05-registry 16-clinician-meeting 17-case-summary 18-consult-note 25-resources 06-refill-check 07-peg-outreach 08-measures 26-self-assessment 27-self-assessment-results 28-action-plan 29-monthly-report 19-leader-measures 20-admin 21-admin-users 22-admin-policy 23-admin-enrollment 24-admin-agreement 29-admin-import 30-admin-import-preview)
count=0
for name in "${expected[@]}"; do
  for orientation in landscape portrait; do
   for language in en es; do
    file="$work/shots/$name-$orientation-$language.png"
    if [ ! -s "$file" ]; then
      echo "missing or empty: $(basename "$file")"
      exit 1
    fi
    # A PNG of a rendered screen is far larger than a blank one.
    if [ "$(stat -c %s "$file")" -lt 10000 ]; then
      echo "suspiciously small: $(basename "$file")"
      exit 1
    fi
    count=$((count + 1))
   done
  done
done
# Pages that exist in one orientation only: portrait's own page for a measure.
for name in 08-measure-page; do
  for language in en es; do
    file="$work/shots/$name-portrait-$language.png"
    if [ ! -s "$file" ] || [ "$(stat -c %s "$file")" -lt 10000 ]; then
      echo "missing, empty or blank: $(basename "$file")"
      exit 1
    fi
    count=$((count + 1))
  done
done
echo "screenshots: $count images rendered"
