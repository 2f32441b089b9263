#pragma once
// Typed domain errors. core/ and warehouse/ throw these; web/ maps them to HTTP in one place.
#include <stdexcept>
#include <string>
#include <utility>

namespace ces {

/// Input that breaks a rule; names the offending field (e.g. "postcode", "lines[0].quantity").
class ValidationError : public std::runtime_error {
  public:
    ValidationError(std::string field, const std::string& message)
        : std::runtime_error(message), field_(std::move(field)) {}
    const std::string& field() const noexcept { return field_; }  ///< JSON path of the bad field.

  private:
    std::string field_;
};

/// A thing that was asked for by id or reference does not exist (or may not be seen).
class NotFound : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The request is valid but the current state forbids it (stock gone, refused transition).
class Conflict : public std::runtime_error {
  public:
    Conflict(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const noexcept { return code_; }  ///< Machine-readable reason.

  private:
    std::string code_;
};

/// The caller is known but its role or team may not do this.
class Forbidden : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A prescriber ordered an item that needs a competence they do not hold (403
/// competence_required): a competent colleague of the same team may countersign the order.
class CompetenceRequired : public Forbidden {
  public:
    CompetenceRequired(std::string field, std::string itemCode, std::string competence,
                       const std::string& message)
        : Forbidden(message),
          field_(std::move(field)),
          itemCode_(std::move(itemCode)),
          competence_(std::move(competence)) {}
    const std::string& field() const noexcept { return field_; }  ///< "lines[0].item_code"
    const std::string& itemCode() const noexcept { return itemCode_; }
    const std::string& competence() const noexcept { return competence_; }

  private:
    std::string field_;
    std::string itemCode_;
    std::string competence_;
};

}  // namespace ces
