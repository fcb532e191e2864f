#include <kehoach/detail/large_allocator.hpp>

#include <algorithm>
#include <cstdlib>
#include <iterator>
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
    // The newest first: the one the same computation, run again, freed last.
    const auto found = std::find_if(c.blocks.rbegin(), c.blocks.rend(), [&](const auto& b) { return b.first == bytes; });
    if (found == c.blocks.rend()) return nullptr;
    void* block = found->second;
    c.held -= bytes;
    c.blocks.erase(std::next(found).base());
    return block;
}

bool keep_block(void* block, std::size_t bytes) noexcept {
    if (bytes > capacity) return false;
    auto& c = cache();
    const std::lock_guard lock(c.mutex);
    // Full: the blocks kept longest go back to the system. They are the likeliest never to be
    // asked for again (a column's earlier sizes while it grew), and would crowd out the blocks
    // of the computation running now.
    while (c.held + bytes > capacity && !c.blocks.empty()) {
        std::free(c.blocks.front().second);
        c.held -= c.blocks.front().first;
        c.blocks.erase(c.blocks.begin());
    }
    try {
        c.blocks.emplace_back(bytes, block);
    } catch (...) {
        return false;
    }
    c.held += bytes;
    return true;
}

}  // namespace kehoach::detail
