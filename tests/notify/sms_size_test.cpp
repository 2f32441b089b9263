#include "notify/sms_size.h"

#include <doctest/doctest.h>

#include "notify/local_words.h"
#include "notify/outbox_sender.h"

namespace ces::notify {

TEST_CASE("a text in the GSM alphabet counts septets, 160 in one message and 153 a part") {
    CHECK(smsSize("Hello").units == 5);
    CHECK(smsSize("Hello").gsm);
    CHECK(smsSize(std::string(160, 'a')).segments == 1);
    CHECK(smsSize(std::string(161, 'a')).segments == 2);
    CHECK(smsSize(std::string(306, 'a')).segments == 2);
    CHECK(smsSize(std::string(307, 'a')).segments == 3);
    CHECK(smsSize("£5 @ 10:00, café").gsm);  // £, @ and é are GSM letters
    CHECK(smsSize("[a]").units == 5);        // brackets take two septets each
    CHECK(smsSize("cost €3").units == 8);    // so does the euro sign
}

TEST_CASE("a text with a letter outside GSM counts UTF-16 units, 70 in one message and 67 a part") {
    const SmsSize nepali = smsSize("हामी आज आउँछौं");
    CHECK_FALSE(nepali.gsm);
    CHECK(nepali.units == 14);
    CHECK(nepali.segments == 1);
    std::string long_text;
    for (int i = 0; i < 71; ++i) long_text += "ł";
    CHECK(smsSize(long_text).segments == 2);
    CHECK(smsSize("środa").gsm == false);
}

TEST_CASE("Polish and Romanian letters lose their marks so a text stays in GSM") {
    CHECK(withoutDiacritics("Przyjedziemy dziś między 10:00 a 12:00") ==
          "Przyjedziemy dzis miedzy 10:00 a 12:00");
    CHECK(withoutDiacritics("Sosim astăzi între 10:00 și 12:00, marți") ==
          "Sosim astazi intre 10:00 si 12:00, marti");
    CHECK(withoutDiacritics("ŻÓŁĆ Ș Ț") == "ZOLC S T");
    CHECK(withoutDiacritics("हामी आज") == "हामी आज");  // other scripts are left alone
    CHECK(smsSize(withoutDiacritics("Zażółć gęślą jaźń")).gsm);
}

TEST_CASE("days and times in each language") {
    using namespace std::chrono;
    const year_month_day tuesday{year(2026), December, day(8)};
    CHECK(dayWords(tuesday, Language::en) == "Tuesday 8 December");
    CHECK(dayWords(tuesday, Language::pl) == "wtorek, 8 grudnia");
    CHECK(dayWords(tuesday, Language::ro) == "marți, 8 decembrie");
    CHECK(dayWords(tuesday, Language::ne) == "मंगलबार, 8 डिसेम्बर");
    CHECK(shortDayWords(tuesday, Language::pl) == "8 grudnia");
    CHECK(timeWords(9 * 3600, Language::en) == "9am");
    CHECK(timeWords(14 * 3600 + 30 * 60, Language::en) == "2:30pm");
    CHECK(timeWords(9 * 3600, Language::ro) == "09:00");
}

TEST_CASE("a failed message is tried again after 30 s, doubling up to an hour") {
    const SenderSettings settings;
    CHECK(retryDelay(1, settings) == std::chrono::seconds(30));
    CHECK(retryDelay(2, settings) == std::chrono::seconds(60));
    CHECK(retryDelay(4, settings) == std::chrono::seconds(240));
    CHECK(retryDelay(12, settings) == std::chrono::seconds(3600));
}

}  // namespace ces::notify
