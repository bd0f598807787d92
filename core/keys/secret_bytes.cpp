#include "core/keys/secret_bytes.h"

#include <cstdlib>
#include <cstring>
#include <sodium.h>
#include <utility>

namespace cairn::keys {

SecretBytes::SecretBytes(std::size_t size)
    : m_size(size)
{
    if (sodium_init() < 0)
        std::abort();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (!m_data)
        std::abort();  // out of locked memory: nothing sensible can continue
    sodium_memzero(m_data, size);
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes bytes(size);
    if (bytes.m_data)  // null only for size 0
        randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecretBytes SecretBytes::copyOf(QByteArrayView source)
{
    SecretBytes bytes(static_cast<std::size_t>(source.size()));
    if (bytes.m_data)  // null only for an empty source
        std::memcpy(bytes.m_data, source.data(), bytes.m_size);
    return bytes;
}

SecretBytes::~SecretBytes()
{
    if (m_data)
        sodium_free(m_data);  // wipes before freeing
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        if (m_data)
            sodium_free(m_data);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

bool SecretBytes::equals(const SecretBytes &other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

}  // namespace cairn::keys
