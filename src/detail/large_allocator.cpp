#include <kehoach/detail/large_allocator.hpp>

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

namespace kehoach::detail {

namespace {

constexpr std::size_t capacity = std::size_t{256} << 20;

struct block_cache {
    std::mutex mutex;
    std::vector<std::pair<std::size_t, void*>> blocks;
    std::size_t held = 0;
};

block_cache& cache() {
    // Never destroyed: a column may be freed by a static destructor after this one would have run.
    static auto* the_cache = new block_cache;
    return *the_cache;
}

}  // namespace

void* take_kept_block(std::size_t bytes) noexcept {
    auto& c = cache();
    const std::lock_guard lock(c.mutex);
    const auto found = std::find_if(c.blocks.begin(), c.blocks.end(), [&](const auto& b) { return b.first == bytes; });
    if (found == c.blocks.end()) return nullptr;
    void* block = found->second;
    c.held -= bytes;
    c.blocks.erase(found);
    return block;
}

bool keep_block(void* block, std::size_t bytes) noexcept {
    auto& c = cache();
    const std::lock_guard lock(c.mutex);
    if (c.held + bytes > capacity) return false;
    try {
        c.blocks.emplace_back(bytes, block);
    } catch (...) {
        return false;
    }
    c.held += bytes;
    return true;
}

}  // namespace kehoach::detail
