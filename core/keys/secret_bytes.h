#pragma once
// Bytes that must not linger: held in sodium_malloc'd memory (guard pages, locked against
// swapping, not in core dumps where the OS allows) and wiped when freed. Move-only.

#include <QByteArrayView>

#include <cstddef>

namespace cairn::keys {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);  // zero-filled
    static SecretBytes random(std::size_t size);
    static SecretBytes copyOf(QByteArrayView source);
    ~SecretBytes();
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    [[nodiscard]] unsigned char *data() { return m_data; }
    [[nodiscard]] const unsigned char *data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    // A view for APIs that take bytes; it does not copy.
    [[nodiscard]] QByteArrayView view() const { return {m_data, static_cast<qsizetype>(m_size)}; }
    [[nodiscard]] bool equals(const SecretBytes &other) const;

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace cairn::keys
