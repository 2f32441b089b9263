#pragma once
// Working days in England and Wales: Monday to Friday except bank holidays. Every SLA
// (delivery speeds, collections) is counted in these days.
#include <chrono>
#include <vector>

namespace ces {

/// Which days count as working days; bank holidays are computed, not looked up, so the
/// calendar needs no yearly update except for one-off holidays the government announces.
class WorkingDayCalendar {
  public:
    /// England and Wales bank holidays only.
    WorkingDayCalendar() = default;

    /// Also treats `extraHolidays` (e.g. a newly announced one-off bank holiday, or a
    /// county-wide closure) as non-working days.
    explicit WorkingDayCalendar(std::vector<std::chrono::year_month_day> extraHolidays);

    /// True for an England and Wales bank holiday (including substitute days) or an extra
    /// configured holiday.
    bool isBankHoliday(std::chrono::year_month_day day) const;

    /// True for Monday to Friday when it is not a bank holiday.
    bool isWorkingDay(std::chrono::year_month_day day) const;

    /// All bank holidays of `year` (the eight usual ones as moved or added to by one-off
    /// changes, plus configured extras), in date order.
    std::vector<std::chrono::year_month_day> bankHolidays(int year) const;

    /// The day `n` working days after `from` (before it when `n` is negative); `from` itself
    /// need not be a working day. `n == 0` gives `from`.
    std::chrono::year_month_day addWorkingDays(std::chrono::year_month_day from, int n) const;

    /// The first working day strictly after `day`.
    std::chrono::year_month_day nextWorkingDay(std::chrono::year_month_day day) const;

  private:
    std::vector<std::chrono::sys_days> extraHolidays_;  // sorted, unique
};

/// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm).
std::chrono::year_month_day easterSunday(int year);

}  // namespace ces
