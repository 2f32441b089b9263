#include "notify/local_words.h"

#include <array>
#include <cstdio>

#include "core/date_words.h"

namespace ces::notify {

namespace {

using Names12 = std::array<const char*, 12>;
using Names7 = std::array<const char*, 7>;

struct LanguageWords {
    Names7 weekdays;  // Sunday first
    Names12 months;   // as after a day's number
};

// Translations by the developers, to be checked by native speakers (see notify/templates).
const LanguageWords kEnglish{
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"}};
const LanguageWords kNepali{{"आइतबार", "सोमबार", "मंगलबार", "बुधबार", "बिहीबार", "शुक्रबार", "शनिबार"},
                            {"जनवरी", "फेब्रुअरी", "मार्च", "अप्रिल", "मे", "जुन", "जुलाई", "अगस्ट",
                             "सेप्टेम्बर", "अक्टोबर", "नोभेम्बर", "डिसेम्बर"}};
const LanguageWords kPolish{
    {"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
    {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
     "października", "listopada", "grudnia"}};
const LanguageWords kRomanian{
    {"duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"},
    {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
     "octombrie", "noiembrie", "decembrie"}};

const LanguageWords& wordsOf(Language language) {
    switch (language) {
        case Language::ne:
            return kNepali;
        case Language::pl:
            return kPolish;
        case Language::ro:
            return kRomanian;
        case Language::en:
            break;
    }
    return kEnglish;
}

}  // namespace

std::string shortDayWords(std::chrono::year_month_day date, Language language) {
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           wordsOf(language).months[static_cast<unsigned>(date.month()) - 1];
}

std::string dayWords(std::chrono::year_month_day date, Language language) {
    const std::chrono::weekday weekday{std::chrono::sys_days(date)};
    const std::string name = wordsOf(language).weekdays[weekday.c_encoding()];
    if (language == Language::en) return name + " " + shortDayWords(date, language);
    return name + ", " + shortDayWords(date, language);
}

std::string dateWords(std::chrono::year_month_day date, Language language) {
    if (language == Language::en) return weekdayDate(date);
    return dayWords(date, language) + " " + std::to_string(static_cast<int>(date.year()));
}

std::string timeWords(int secondsAfterMidnight, Language language) {
    if (language == Language::en) return clockWords(secondsAfterMidnight);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", secondsAfterMidnight / 3600 % 24,
                  secondsAfterMidnight / 60 % 60);
    return buffer;
}

}  // namespace ces::notify
