#include "core/uk_time.h"

namespace ces {

namespace chr = std::chrono;

namespace {

constexpr chr::hours kSummerTimeOffset{1};
constexpr chr::hours kChangeoverUtc{1};  // Both changes happen at 01:00 UTC.

chr::sys_seconds lastSundayAtChangeover(chr::year year, chr::month month) {
    const chr::sys_days sunday{year / month / chr::Sunday[chr::last]};
    return chr::sys_seconds{sunday} + kChangeoverUtc;
}

}  // namespace

chr::sys_seconds britishSummerTimeStart(chr::year year) {
    return lastSundayAtChangeover(year, chr::March);
}

chr::sys_seconds britishSummerTimeEnd(chr::year year) {
    return lastSundayAtChangeover(year, chr::October);
}

chr::seconds ukUtcOffset(chr::sys_seconds utc) {
    const chr::year year = chr::year_month_day{chr::floor<chr::days>(utc)}.year();
    const bool summer = utc >= britishSummerTimeStart(year) && utc < britishSummerTimeEnd(year);
    return summer ? chr::seconds{kSummerTimeOffset} : chr::seconds{0};
}

UkLocalTime toUkLocal(chr::sys_seconds utc) {
    const chr::seconds offset = ukUtcOffset(utc);
    const chr::sys_seconds wallClock = utc + offset;  // local reading, held in a UTC type
    const chr::sys_days date = chr::floor<chr::days>(wallClock);
    return UkLocalTime{chr::year_month_day{date}, wallClock - date, offset != chr::seconds{0}};
}

chr::sys_seconds fromUkLocal(chr::year_month_day date, chr::seconds timeOfDay) {
    const chr::sys_seconds wallClock = chr::sys_seconds{chr::sys_days{date}} + timeOfDay;
    // Try BST first so that a repeated reading resolves to its earlier occurrence.
    const chr::sys_seconds asSummer = wallClock - kSummerTimeOffset;
    if (ukUtcOffset(asSummer) == kSummerTimeOffset) return asSummer;
    // Valid GMT readings, and readings in the skipped hour, are taken as GMT.
    return wallClock;
}

}  // namespace ces
