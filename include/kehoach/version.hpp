#pragma once
/// @file Version of kehoach; CMake and setup.py read the numbers from here.

#define KEHOACH_VERSION_MAJOR 0
#define KEHOACH_VERSION_MINOR 1
#define KEHOACH_VERSION_PATCH 0
#define KEHOACH_VERSION "0.1.0"
