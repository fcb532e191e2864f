#pragma once
/// @file An allocator for the columns of very large graphs and schedules: backed by huge pages
///       where Linux offers them, so that a million-item column costs a few page faults, not
///       thousands (each fault zeroes and maps 4 KiB; in a virtual machine each is also a trap);
///       and blocks freed are kept for the next schedule (up to 256 MiB), since fresh memory from
///       the system must be zeroed again.

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kehoach::detail {

/// A freed block of exactly `bytes` (a multiple of 2 MiB) kept for reuse, or nullptr.
[[nodiscard]] void* take_kept_block(std::size_t bytes) noexcept;
/// Keeps a block for reuse, freeing the blocks kept longest to make room; false when the block is
/// larger than the whole cache (the caller frees it).
[[nodiscard]] bool keep_block(void* block, std::size_t bytes) noexcept;

template <typename T>
struct large_allocator {
    using value_type = T;
    static constexpr std::size_t huge_page = std::size_t{2} << 20;

    large_allocator() noexcept = default;
    template <typename U>
    large_allocator(const large_allocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        const auto bytes = n * sizeof(T);
        if (bytes < huge_page) return std::allocator<T>{}.allocate(n);
        const auto rounded = (bytes + huge_page - 1) / huge_page * huge_page;
        if (void* kept = take_kept_block(rounded)) return static_cast<T*>(kept);
        void* memory = std::aligned_alloc(huge_page, rounded);
        if (!memory) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
        (void)madvise(memory, rounded, MADV_HUGEPAGE);  // a hint: without huge pages, plain pages serve
#endif
        return static_cast<T*>(memory);
    }

    void deallocate(T* p, std::size_t n) noexcept {
        const auto bytes = n * sizeof(T);
        if (bytes < huge_page) return std::allocator<T>{}.deallocate(p, n);
        if (!keep_block(p, (bytes + huge_page - 1) / huge_page * huge_page)) std::free(p);
    }

    template <typename U>
    friend bool operator==(const large_allocator&, const large_allocator<U>&) noexcept {
        return true;
    }
};

/// A column of a large graph or schedule.
template <typename T>
using column = std::vector<T, large_allocator<T>>;

}  // namespace kehoach::detail
