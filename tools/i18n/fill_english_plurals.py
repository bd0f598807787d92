#!/usr/bin/env python3
"""Fills the English plural forms of cairn_en.ts from each source's "(s)" spelling.

"%n patient(s) due" -> "%n patient due" / "%n patients due". Irregular plurals are listed in
IRREGULAR. Messages that are already finished are left as they are (a person may have edited them).
"""
import re
import sys
import xml.etree.ElementTree as ET

IRREGULAR = {"person(s)": ("person", "people")}


def forms(source: str) -> tuple[str, str]:
    singular, plural = source, source
    for word, (one, many) in IRREGULAR.items():
        singular = singular.replace(word, one)
        plural = plural.replace(word, many)
    singular = re.sub(r"\(s\)", "", singular)
    plural = re.sub(r"\(s\)", "s", plural)
    return singular, plural


def main(path: str) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation.get("type") is None and all((f.text or "").strip() for f in translation.findall("numerusform")):
            continue
        for form in translation.findall("numerusform"):
            translation.remove(form)
        for text in forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text)
        f.truncate()


if __name__ == "__main__":
    main(sys.argv[1])
