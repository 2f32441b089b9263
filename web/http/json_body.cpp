#include "web/http/json_body.h"

#include <Poco/Exception.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/iso_time.h"

namespace ces::web {

JsonFields::JsonFields(Poco::JSON::Object::Ptr object, std::string path)
    : object_(std::move(object)), path_(std::move(path)) {}

JsonFields JsonFields::parse(const std::string& body) {
    Poco::Dynamic::Var parsed;
    try {
        Poco::JSON::Parser parser;
        parsed = parser.parse(body);
    } catch (const Poco::Exception&) {
        throw BadRequest("", "the request body is not valid JSON");
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw BadRequest("", "the request body must be a JSON object");
    }
    return JsonFields(parsed.extract<Poco::JSON::Object::Ptr>(), "");
}

std::string JsonFields::at(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
}

bool JsonFields::has(const std::string& name) const {
    return object_->has(name) && !object_->isNull(name);
}

std::string JsonFields::text(const std::string& name) const {
    if (!has(name)) throw BadRequest(at(name), at(name) + " is required");
    const auto value = object_->get(name);
    if (!value.isString()) throw BadRequest(at(name), at(name) + " must be a string");
    return value.extract<std::string>();
}

std::optional<std::chrono::year_month_day> JsonFields::optionalDate(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    const auto date = parseDate(text(name));
    if (!date) throw ValidationError(at(name), at(name) + " must be a date like 2026-03-02");
    return date;
}

std::string JsonFields::optionalText(const std::string& name, const std::string& otherwise) const {
    return has(name) ? text(name) : otherwise;
}

std::int64_t JsonFields::integer(const std::string& name) const {
    if (!has(name)) throw BadRequest(at(name), at(name) + " is required");
    const auto value = object_->get(name);
    if (value.isBoolean() || value.isString() || !value.isNumeric()) {
        throw BadRequest(at(name), at(name) + " must be a whole number");
    }
    if (!value.isInteger()) {
        const double number = value.convert<double>();
        if (number != std::floor(number) || std::abs(number) > 9e15) {
            throw BadRequest(at(name), at(name) + " must be a whole number");
        }
        return static_cast<std::int64_t>(number);
    }
    try {
        return value.convert<Poco::Int64>();
    } catch (const Poco::RangeException&) {  // beyond int64, e.g. 18446744073709551615
        throw BadRequest(at(name), at(name) + " is out of range");
    }
}

std::optional<std::int64_t> JsonFields::optionalInteger(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    return integer(name);
}

std::optional<bool> JsonFields::optionalBoolean(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    const auto value = object_->get(name);
    if (!value.isBoolean()) throw BadRequest(at(name), at(name) + " must be true or false");
    return value.extract<bool>();
}

std::vector<JsonFields> JsonFields::objects(const std::string& name, bool required) const {
    if (!has(name)) {
        if (required) throw BadRequest(at(name), at(name) + " is required");
        return {};
    }
    auto array = object_->getArray(name);
    if (!array) throw BadRequest(at(name), at(name) + " must be an array");
    std::vector<JsonFields> result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string element = at(name) + "[" + std::to_string(i) + "]";
        auto object = array->getObject(static_cast<unsigned>(i));
        if (!object) throw BadRequest(element, element + " must be an object");
        result.emplace_back(object, element);
    }
    return result;
}

std::vector<std::string> JsonFields::texts(const std::string& name, bool required) const {
    if (!has(name)) {
        if (required) throw BadRequest(at(name), at(name) + " is required");
        return {};
    }
    auto array = object_->getArray(name);
    if (!array) throw BadRequest(at(name), at(name) + " must be an array");
    std::vector<std::string> result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto value = array->get(static_cast<unsigned>(i));
        if (!value.isString()) {
            throw BadRequest(at(name) + "[" + std::to_string(i) + "]", "must be a string");
        }
        result.push_back(value.extract<std::string>());
    }
    return result;
}

void JsonFields::allowOnly(std::initializer_list<const char*> known) const {
    for (const auto& name : object_->getNames()) {
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) {
            throw BadRequest(at(name), at(name) + " is not a field this request accepts");
        }
    }
}

}  // namespace ces::web
