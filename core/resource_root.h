#pragma once
// Where `ces` finds its templates, static files, words and data at run time: beside an installed
// binary (<prefix>/bin/ces reads <prefix>/share/ces, as the Debian package lays it out), else the
// source tree it was built from.
#include <string>

namespace ces {

/// <prefix>/share/ces when the running binary has one beside it, else `sourceDir`.
std::string resourceRoot(const std::string& sourceDir);

}  // namespace ces
