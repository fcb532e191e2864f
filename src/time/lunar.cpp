#include <kehoach/time/lunar.hpp>

#include <kehoach/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numbers>
#include <string>
#include <vector>

namespace kehoach {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;

constexpr int first_year = 1900;
constexpr int last_year = 2100;
constexpr date first_day{std::chrono::year{1900} / 1 / 31};  // Tết Canh Tý, the first day of lunar 1900
constexpr date last_day{std::chrono::year{2100} / 12 / 31};

// The astronomy below is Jean Meeus, Astronomical Algorithms, 2nd ed. (1998). Times are Julian days;
// Meeus works in dynamical time (TT), the calendar in civil time (UT + offset).

double sin_deg(double degrees) { return std::sin(std::fmod(degrees, 360.0) * std::numbers::pi / 180.0); }

/// ΔT = TT − UT in seconds at a decimal year: the Espenak & Meeus (2006) polynomials, 1860..2150.
double delta_t_seconds(double year) {
    if (year < 1900.0) {
        const double t = year - 1860.0;
        return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668 + t * (-0.0004473624 + t / 233174.0))));
    }
    if (year < 1920.0) {
        const double t = year - 1900.0;
        return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
    }
    if (year < 1941.0) {
        const double t = year - 1920.0;
        return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
    }
    if (year < 1961.0) {
        const double t = year - 1950.0;
        return 29.07 + t * (0.407 + t * (-1.0 / 233.0 + t / 2547.0));
    }
    if (year < 1986.0) {
        const double t = year - 1975.0;
        return 45.45 + t * (1.067 + t * (-1.0 / 260.0 - t / 718.0));
    }
    if (year < 2005.0) {
        const double t = year - 2000.0;
        return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
    }
    if (year < 2050.0) {
        const double t = year - 2000.0;
        return 62.92 + t * (0.32217 + t * 0.005589);
    }
    const double u = (year - 1820.0) / 100.0;
    return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year);
}

/// ΔT in days at a Julian day (either time scale: ΔT changes by far less than a second within a minute).
double delta_t_days(double jd) { return delta_t_seconds(2000.0 + (jd - 2451545.0) / 365.25) / 86400.0; }

/// A periodic term of the true new moon (Meeus ch. 49): amplitude · E^e_power · sin(m·M + mp·M' + f·F + om·Ω).
struct phase_term {
    double amplitude;
    int e_power, m, mp, f, om;
};

constexpr std::array<phase_term, 25> new_moon_terms{{
    {-0.40720, 0, 0, 1, 0, 0}, {0.17241, 1, 1, 0, 0, 0},   {0.01608, 0, 0, 2, 0, 0},   {0.01039, 0, 0, 0, 2, 0},
    {0.00739, 1, -1, 1, 0, 0}, {-0.00514, 1, 1, 1, 0, 0},  {0.00208, 2, 2, 0, 0, 0},   {-0.00111, 0, 0, 1, -2, 0},
    {-0.00057, 0, 0, 1, 2, 0}, {0.00056, 1, 1, 2, 0, 0},   {-0.00042, 0, 0, 3, 0, 0},  {0.00042, 1, 1, 0, 2, 0},
    {0.00038, 1, 1, 0, -2, 0}, {-0.00024, 1, -1, 2, 0, 0}, {-0.00017, 0, 0, 0, 0, 1},  {-0.00007, 0, 2, 1, 0, 0},
    {0.00004, 0, 0, 2, -2, 0}, {0.00004, 0, 3, 0, 0, 0},   {0.00003, 0, 1, 1, -2, 0},  {0.00003, 0, 0, 2, 2, 0},
    {-0.00003, 0, 1, 1, 2, 0}, {0.00003, 0, -1, 1, 2, 0},  {-0.00002, 0, -1, 1, -2, 0}, {-0.00002, 0, 1, 3, 0, 0},
    {0.00002, 0, 0, 4, 0, 0},
}};

/// An additional correction of Meeus ch. 49 (A1..A14): amplitude · sin(start + rate·k + t2_rate·T²).
struct planetary_term {
    double amplitude, start, rate, t2_rate;
};

constexpr std::array<planetary_term, 14> planetary_terms{{
    {0.000325, 299.77, 0.107408, -0.009173},
    {0.000165, 251.88, 0.016321, 0.0},
    {0.000164, 251.83, 26.651886, 0.0},
    {0.000126, 349.42, 36.412478, 0.0},
    {0.000110, 84.66, 18.206239, 0.0},
    {0.000062, 141.74, 53.303771, 0.0},
    {0.000060, 207.14, 2.453732, 0.0},
    {0.000056, 154.84, 7.306860, 0.0},
    {0.000047, 34.52, 27.261239, 0.0},
    {0.000042, 207.19, 0.121824, 0.0},
    {0.000040, 291.34, 1.844379, 0.0},
    {0.000037, 161.72, 24.198154, 0.0},
    {0.000035, 239.56, 25.513099, 0.0},
    {0.000023, 331.55, 3.592518, 0.0},
}};

/// The instant (UT Julian day) of new moon number k, counted from the one of 2000-01-06 (Meeus ch. 49).
double new_moon_ut(int k) {
    const double n = k;
    const double t = n / 1236.85;
    const double t2 = t * t;
    const double mean = 2451550.09766 + 29.530588861 * n + t2 * (0.00015437 + t * (-0.000000150 + t * 0.00000000073));
    const double e = 1.0 - t * (0.002516 + t * 0.0000074);
    const double sun_anomaly = 2.5534 + 29.10535670 * n - t2 * (0.0000014 + t * 0.00000011);
    const double moon_anomaly = 201.5643 + 385.81693528 * n + t2 * (0.0107582 + t * (0.00001238 - t * 0.000000058));
    const double latitude = 160.7108 + 390.67050284 * n - t2 * (0.0016118 + t * (0.00000227 - t * 0.000000011));
    const double node = 124.7746 - 1.56375588 * n + t2 * (0.0020672 + t * 0.00000215);

    double correction = 0.0;
    for (const auto& term : new_moon_terms) {
        const double arg = term.m * sun_anomaly + term.mp * moon_anomaly + term.f * latitude + term.om * node;
        correction += term.amplitude * std::pow(e, term.e_power) * sin_deg(arg);
    }
    for (const auto& term : planetary_terms)
        correction += term.amplitude * sin_deg(term.start + term.rate * n + term.t2_rate * t2);
    const double jde = mean + correction;
    return jde - delta_t_days(jde);
}

/// The Sun's apparent longitude in degrees at a UT Julian day, not reduced to 0..360 so that it only
/// grows (Meeus ch. 25, low precision: about 0.01°, a quarter of an hour of the Sun's motion). That is
/// enough here: against the full VSOP87 series it puts the Sun in the same 30° sector at the start of every
/// month of 1899-2101, at UTC+7 and UTC+8; the closest case, the equinox of 1938-09-23, is 26 s before
/// midnight in Hanoi.
double sun_longitude(double jd_ut) {
    const double t = (jd_ut + delta_t_days(jd_ut) - 2451545.0) / 36525.0;
    const double mean_longitude = 280.46646 + t * (36000.76983 + t * 0.0003032);
    const double anomaly = 357.52911 + t * (35999.05029 - t * 0.0001537);
    const double center = (1.914602 - t * (0.004817 + t * 0.000014)) * sin_deg(anomaly) +
                          (0.019993 - t * 0.000101) * sin_deg(2.0 * anomaly) + 0.000289 * sin_deg(3.0 * anomaly);
    const double node = 125.04 - 1934.136 * t;
    return mean_longitude + center - 0.00569 - 0.00478 * sin_deg(node);
}

/// The local day (days since 1970-01-01) that contains a UT instant: floor(JD + 0.5 + offset/24) as a JDN.
std::int32_t local_day(double jd_ut, double utc_offset_hours) {
    return static_cast<std::int32_t>(std::floor(jd_ut + 0.5 + utc_offset_hours / 24.0) - 2440588.0);
}

/// The UT Julian day of the midnight that starts a local day.
double local_midnight(std::int32_t day, double utc_offset_hours) {
    return day + 2440587.5 - utc_offset_hours / 24.0;
}

/// The 30° sector of the Sun's longitude, counted without wrapping. Each sector begins at a principal solar
/// term (trung khí); sectors ≡ 9 (mod 12) begin at the winter solstice, 270°.
std::int64_t sun_sector(double jd_ut) { return static_cast<std::int64_t>(std::floor(sun_longitude(jd_ut) / 30.0)); }

struct lunar_month {
    std::int32_t start;  ///< first day, days since 1970-01-01
    std::int16_t year;
    std::uint8_t number;
    bool leap;
};

/// Orders months as they follow each other: by year, number, then the leap month after its namesake.
int order_key(int year, unsigned number, bool leap) {
    return year * 32 + static_cast<int>(number) * 2 + (leap ? 1 : 0);
}

int order_key(const lunar_month& month) { return order_key(month.year, month.number, month.leap); }

/// Every lunar month from month 11 of 1899 to month 10 of 2101 at one UTC offset.
class lunar_table {
public:
    explicit lunar_table(double utc_offset_hours) {
        const auto k_near = [](date day) {
            const double jd = static_cast<double>(day.time_since_epoch().count()) + 2440587.5;
            return static_cast<int>(std::floor((jd - 2451550.09766) / 29.530588861));
        };
        std::vector<std::int32_t> starts;
        std::vector<std::int64_t> sectors;  // the Sun's sector at the midnight that starts each month
        // From before month 11 of 1899 to after the end of month 11 of 2101.
        for (int k = k_near(first_day - days{90}); k <= k_near(last_day + days{400}); ++k) {
            starts.push_back(local_day(new_moon_ut(k), utc_offset_hours));
            sectors.push_back(sun_sector(local_midnight(starts.back(), utc_offset_hours)));
        }
        // Month i holds the principal terms that begin sectors sectors[i] + 1 .. sectors[i + 1]; near
        // perihelion a month can hold two, so look at each.
        const auto holds_solstice = [&](std::size_t i) {
            for (auto s = sectors[i] + 1; s <= sectors[i + 1]; ++s)
                if ((s % 12 + 12) % 12 == 9) return true;
            return false;
        };
        std::vector<std::size_t> elevenths;
        for (std::size_t i = 0; i + 1 < starts.size(); ++i)
            if (holds_solstice(i)) elevenths.push_back(i);

        int year = static_cast<int>(year_month_day{date{days{starts[elevenths.front()]}}}.year());
        for (std::size_t n = 0; n + 1 < elevenths.size(); ++n, ++year) {
            const std::size_t from = elevenths[n];
            const std::size_t to = elevenths[n + 1];
            // A year from one month 11 to the next has 12 or 13 months; in a 13-month year the first
            // month without a principal term is the leap month.
            std::size_t leap = to;
            if (to - from == 13)
                for (std::size_t i = from + 1; i < to && leap == to; ++i)
                    if (sectors[i + 1] == sectors[i]) leap = i;
            unsigned number = 11;
            int owner = year;
            for (std::size_t i = from; i < to; ++i) {
                if (i != from && i != leap) {
                    number = number % 12 + 1;
                    if (number == 1) ++owner;
                }
                months_.push_back({starts[i], static_cast<std::int16_t>(owner), static_cast<std::uint8_t>(number),
                                   i == leap});
            }
        }
        end_ = starts[elevenths.back()];
    }

    [[nodiscard]] lunar_date to_lunar(date day) const {
        const auto count = static_cast<std::int32_t>(day.time_since_epoch().count());
        const auto next = std::upper_bound(months_.begin(), months_.end(), count,
                                           [](std::int32_t d, const lunar_month& m) { return d < m.start; });
        const auto& month = *(next - 1);
        return {month.year, month.number, static_cast<unsigned>(count - month.start + 1), month.leap};
    }

    /// The month, or nullptr when this table has no such month.
    [[nodiscard]] const lunar_month* find(int year, unsigned number, bool leap) const {
        const int key = order_key(year, number, leap);
        const auto it = std::lower_bound(months_.begin(), months_.end(), key,
                                         [](const lunar_month& m, int k) { return order_key(m) < k; });
        return it != months_.end() && order_key(*it) == key ? &*it : nullptr;
    }

    /// The leap month of a year whose months 1 and the next year's month 1 are both in the table, else 0.
    [[nodiscard]] unsigned leap_month(int year) const {
        const auto* month = find(year, 1, false);
        const auto* next_year = find(year + 1, 1, false);
        if (!month || !next_year) return 0;
        for (; month != next_year; ++month)
            if (month->leap) return month->number;
        return 0;
    }

    [[nodiscard]] unsigned length(const lunar_month& month) const {
        const auto* next = &month + 1;
        return static_cast<unsigned>((next == months_.data() + months_.size() ? end_ : next->start) - month.start);
    }

private:
    std::vector<lunar_month> months_;
    std::int32_t end_ = 0;  ///< the day after the last month
};

/// The table of one UTC offset, built on first use. Offsets are whole quarter hours, as every time zone's
/// is, so that each has a slot of its own and later calls cost only the check of a std::once_flag.
const lunar_table& table_for(double utc_offset_hours) {
    constexpr int min_quarters = -12 * 4;
    constexpr int max_quarters = 14 * 4;
    const double quarters = utc_offset_hours * 4.0;
    if (!(quarters >= min_quarters && quarters <= max_quarters) || quarters != std::floor(quarters))
        throw error(fmt::format("UTC offset {} h: expected a whole number of quarter hours from -12 to 14",
                                utc_offset_hours));
    struct slot {
        std::once_flag built;
        std::unique_ptr<const lunar_table> table;
    };
    static std::array<slot, max_quarters - min_quarters + 1> slots;
    auto& s = slots[static_cast<std::size_t>(static_cast<int>(quarters) - min_quarters)];
    std::call_once(s.built, [&] { s.table = std::make_unique<const lunar_table>(utc_offset_hours); });
    return *s.table;
}

std::string range_text() { return fmt::format("{} .. {}", to_iso(first_day), to_iso(last_day)); }

std::string month_text(int year, unsigned month, bool leap) {
    return fmt::format("{}month {} of lunar year {}", leap ? "leap " : "", month, year);
}

void check_year(int lunar_year) {
    if (lunar_year < first_year || lunar_year > last_year)
        throw error(fmt::format("lunar year {} is outside the supported range {}..{}", lunar_year, first_year,
                                last_year));
}

/// The month that `year`, `number` and `leap` name; throws with the reason when there is none.
const lunar_month& existing_month(const lunar_table& table, int year, unsigned number, bool leap) {
    if (number < 1 || number > 12)
        throw error(fmt::format("lunar month {} does not exist: months are numbered 1 to 12", number));
    if (const auto* month = table.find(year, number, leap)) return *month;
    check_year(year);
    // Every year of the range has months 1..12, so only a leap month can be missing.
    const unsigned leap_number = table.leap_month(year);
    if (leap_number == 0) throw error(fmt::format("lunar year {} has no leap month", year));
    throw error(fmt::format("lunar year {} has no leap month {}; its leap month is {}", year, number, leap_number));
}

}  // namespace

lunar_date to_lunar(date day, double utc_offset_hours) {
    const auto& table = table_for(utc_offset_hours);
    if (day < first_day || day > last_day)
        throw error(fmt::format("{} is outside the supported range of the lunar calendar, {}", to_iso(day),
                                range_text()));
    return table.to_lunar(day);
}

date from_lunar(const lunar_date& day, double utc_offset_hours) {
    const auto& table = table_for(utc_offset_hours);
    if (day.day < 1 || day.day > 30)
        throw error(fmt::format("lunar day {} does not exist: days are numbered 1 to 30", day.day));
    const auto* month = table.find(day.year, day.month, day.leap);
    if (!month && (day.year < first_year || day.year > last_year))
        throw error(fmt::format("day {} of {} is outside the supported range {}", day.day,
                                month_text(day.year, day.month, day.leap), range_text()));
    if (!month) month = &existing_month(table, day.year, day.month, day.leap);
    if (const auto length = table.length(*month); day.day > length)
        throw error(fmt::format("{} has {} days, so there is no day {}", month_text(day.year, day.month, day.leap),
                                length, day.day));
    const date solar{days{month->start + static_cast<std::int32_t>(day.day) - 1}};
    if (solar < first_day || solar > last_day)
        throw error(fmt::format("day {} of {} falls on {}, outside the supported range {}", day.day,
                                month_text(day.year, day.month, day.leap), to_iso(solar), range_text()));
    return solar;
}

unsigned leap_month(int lunar_year, double utc_offset_hours) {
    const auto& table = table_for(utc_offset_hours);
    check_year(lunar_year);
    return table.leap_month(lunar_year);
}

unsigned lunar_month_length(int lunar_year, unsigned month, bool leap, double utc_offset_hours) {
    const auto& table = table_for(utc_offset_hours);
    check_year(lunar_year);
    return table.length(existing_month(table, lunar_year, month, leap));
}

}  // namespace kehoach
