#pragma once
// The words of every resident message: one mustache file per message and language
// (notify/templates/LANG/KIND.mustache) with a subject, a text message and an e-mail (which is
// also the letter). Plain words, no jargon, the tracking link in each.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/contact.h"

namespace ces::notify {

/// A message in one language, ready for each channel.
struct RenderedMessage {
    std::string subject;
    std::string text;   ///< For a text message: fits kMostSegments in the tests.
    std::string email;  ///< The e-mail's body; a letter prints it too.
};

/// The directory of the message templates: $CES_MESSAGE_TEMPLATES, else the source tree's.
std::string messageTemplatesDirectory();

class MessageTemplates {
  public:
    /// Reads every language's templates; std::runtime_error naming the file when one does not
    /// parse, lacks a section, or a language lacks a message English has.
    explicit MessageTemplates(const std::string& directory);

    const std::vector<std::string>& kinds() const { return kinds_; }
    bool has(const std::string& kind) const;

    /// Renders `kind` in `language` from `fieldsJson` (a JSON object of strings and true
    /// flags). A "date" (YYYY-MM-DD) becomes the day in the language's words (and "short_date"
    /// the shortest form), "from" and "to" (HH:MM) times in its words, and "link" (a path) is
    /// put after `publicUrl`. The text message keeps to GSM letters where it can.
    RenderedMessage render(const std::string& kind, Language language,
                           const std::string& fieldsJson, const std::string& publicUrl) const;

  private:
    struct Sections {
        std::string subject;
        std::string text;
        std::string email;
    };
    std::map<std::pair<std::string, Language>, Sections> templates_;
    std::vector<std::string> kinds_;
};

}  // namespace ces::notify
