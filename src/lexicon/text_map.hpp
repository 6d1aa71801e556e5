// A map from short text keys (words, names) for the lookups extraction makes on every token.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph {

/// Hashes std::string and std::string_view alike, so that a lookup by a view makes no copy.
/// Extraction hashes several keys per token, nearly all shorter than 16 bytes: an inline hash
/// that reads them in at most two loads is several times cheaper than std::hash's call to
/// _Hash_bytes. No map keyed by it is ever iterated, so its values never reach the output.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        const auto *bytes = text.data();
        const std::size_t size = text.size();
        std::uint64_t hash = size * mul;
        std::size_t pos = 0;
        for (; pos + 8 <= size; pos += 8) {
            hash = mix(hash ^ load<std::uint64_t>(bytes + pos));
        }
        const std::size_t rest = size - pos;
        if (rest >= 4) {
            // two overlapping four-byte loads cover five to seven bytes
            hash ^= load<std::uint32_t>(bytes + pos) |
                    std::uint64_t{load<std::uint32_t>(bytes + size - 4)} << 32;
        } else if (rest > 0) {
            hash ^= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[pos])) |
                    static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[pos + rest / 2]))
                        << 8 |
                    static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[size - 1])) << 16;
        }
        return static_cast<std::size_t>(mix(hash));
    }

private:
    static constexpr std::uint64_t mul = 0x9E3779B97F4A7C15u;
    static std::uint64_t mix(std::uint64_t h) {
        h *= mul;
        return h ^ (h >> 29);
    }
    template <class U> static U load(const char *at) {
        U value;
        std::memcpy(&value, at, sizeof value);
        return value;
    }
};

/// Text keys to values, looked up by std::string_view. Open addressing over a power-of-two
/// table of hashes: a lookup that misses (most tokens are in no list) reads one slot, with no
/// division by a prime bucket count and no chain of nodes as in std::unordered_map. Entries
/// are never removed; there is no iteration, so the hash never shows in the output.
template <class T> class TextMap {
public:
    /// The value of `key`, or nullptr.
    const T *find(std::string_view key) const {
        const auto index = index_of(key, TextHash{}(key));
        return index == npos ? nullptr : &m_values[index];
    }
    T *find(std::string_view key) {
        const auto index = index_of(key, TextHash{}(key));
        return index == npos ? nullptr : &m_values[index];
    }

    /// The value of `key`, value-initialised when the key is new.
    T &operator[](std::string_view key) { return *emplace(key, T{}).first; }

    /// Adds `key` with `value` unless it is there; returns its value and whether it was added.
    std::pair<T *, bool> emplace(std::string_view key, T value) {
        const std::size_t hash = TextHash{}(key);
        if (const auto index = index_of(key, hash); index != npos) {
            return {&m_values[index], false};
        }
        if (2 * (m_keys.size() + 1) > m_slots.size()) {
            grow();
        }
        const auto index = static_cast<std::uint32_t>(m_keys.size());
        m_keys.emplace_back(key);
        m_values.push_back(std::move(value));
        place(hash, index);
        return {&m_values.back(), true};
    }

    std::size_t size() const { return m_keys.size(); }

private:
    static constexpr std::uint32_t npos = UINT32_MAX;
    // Eight bytes a slot: the names gazetteer's table outgrows the L2 cache, and a lookup's
    // cost is mostly the miss on its slot. `tag` holds the hash's low bits, which the slot
    // number (from the top bits) does not use.
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = npos;
    };
    static std::uint32_t tag_of(std::size_t hash) { return static_cast<std::uint32_t>(hash); }

    std::size_t first_slot(std::size_t hash) const {
        return (hash >> m_shift) & (m_slots.size() - 1);
    }

    std::uint32_t index_of(std::string_view key, std::size_t hash) const {
        if (m_slots.empty()) {
            return npos;
        }
        for (std::size_t at = first_slot(hash);; at = (at + 1) & (m_slots.size() - 1)) {
            const Slot &slot = m_slots[at];
            if (slot.index == npos) {
                return npos;
            }
            if (slot.tag == tag_of(hash) && m_keys[slot.index] == key) {
                return slot.index;
            }
        }
    }

    void place(std::size_t hash, std::uint32_t index) {
        std::size_t at = first_slot(hash);
        while (m_slots[at].index != npos) {
            at = (at + 1) & (m_slots.size() - 1);
        }
        m_slots[at] = Slot{tag_of(hash), index};
    }

    // Keeps the table at most half full, so that a probe sequence stays short.
    void grow() {
        const std::size_t count = m_slots.empty() ? 16 : 2 * m_slots.size();
        m_shift = 64;
        for (std::size_t n = count; n > 1; n /= 2) {
            --m_shift; // the top bits of the hash pick the slot: the multiplication mixes them best
        }
        m_slots.assign(count, Slot{});
        for (std::uint32_t index = 0; index < m_keys.size(); ++index) {
            place(TextHash{}(m_keys[index]), index);
        }
    }

    std::vector<Slot> m_slots;
    std::vector<std::string> m_keys; ///< by index
    std::vector<T> m_values;         ///< by index
    unsigned m_shift = 64;
};

} // namespace diplograph
