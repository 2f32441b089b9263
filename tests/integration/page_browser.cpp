#include "page_browser.h"

#include <regex>

namespace ces::integration {

PageBrowser::PageBrowser(const DemoCounty& county, const std::string& user)
    : client_(county.port()), cookie_("ces_session=" + county.signIn(user).token()) {}

Response PageBrowser::get(const std::string& path) {
    Response page = client_.send("GET", path, std::nullopt, {{"Cookie", cookie_}});
    static const std::regex token(R"re(name="csrf_token" value="([0-9a-f]+)")re");
    std::smatch found;
    if (std::regex_search(page.body, found, token)) csrf = found[1];
    return page;
}

Response PageBrowser::post(const std::string& path, const std::string& fields, bool withToken) {
    return client_.send("POST", path, (withToken ? "csrf_token=" + csrf + "&" : "") + fields,
                        {{"Cookie", cookie_}});
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool contains(const Response& page, const std::string& text) {
    return page.body.find(text) != std::string::npos;
}

int returnsLoggedToday(const Response& page) {
    static const std::regex count(R"re((\d+) returns? logged today)re");
    std::smatch m;
    return std::regex_search(page.body, m, count) ? std::stoi(m[1].str()) : 0;
}

}  // namespace ces::integration
