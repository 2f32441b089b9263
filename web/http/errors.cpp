#include "web/http/errors.h"

#include <Poco/JSON/Array.h>

#include <iostream>

#include "core/errors.h"
#include "core/types.h"
#include "web/http/json_body.h"

namespace ces::web {

Response errorBody(int status, const std::string& code, const std::string& message,
                   const std::string& field) {
    auto error = jsonObject();
    error->set("code", code);
    error->set("message", message);
    error->set("field", field.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(field));
    auto body = jsonObject();
    body->set("error", error);
    return jsonResponse(status, body);
}

Poco::JSON::Array::Ptr equivalentsJson(const std::vector<EquivalentInStock>& equivalents) {
    auto list = jsonArray();
    for (const auto& equivalent : equivalents) {
        auto item = jsonObject();
        item->set("code", equivalent.code);
        item->set("name", equivalent.name);
        item->set("available", equivalent.available);
        list->add(item);
    }
    return list;
}

Response errorResponse(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const BadRequest& e) {
        return errorBody(400, "bad_request", e.what(), e.field());
    } catch (const ValidationError& e) {
        return errorBody(422, "validation", e.what(), e.field());
    } catch (const Unauthenticated& e) {
        return errorBody(401, "unauthenticated", e.what());
    } catch (const Forbidden& e) {
        return errorBody(403, "forbidden", e.what());
    } catch (const NotFound& e) {
        return errorBody(404, "not_found", e.what());
    } catch (const OutOfStock& e) {
        auto body = jsonObject();
        auto errorObject = jsonObject();
        errorObject->set("code", e.code());
        errorObject->set("message", std::string(e.what()));
        errorObject->set("field", e.field());
        body->set("error", errorObject);
        body->set("equivalents", equivalentsJson(e.equivalents()));
        return jsonResponse(409, body);
    } catch (const Conflict& e) {
        return errorBody(409, e.code(), e.what());
    } catch (const RateLimited& e) {
        Response response = errorBody(429, "rate_limited", e.what());
        response.headers.emplace_back("Retry-After", std::to_string(e.retryAfterSeconds()));
        return response;
    } catch (const std::exception& e) {
        std::cerr << "ces: internal error: " << e.what() << std::endl;
        return errorBody(500, "internal", "something went wrong on our side; nothing was changed");
    } catch (...) {
        std::cerr << "ces: internal error of unknown type" << std::endl;
        return errorBody(500, "internal", "something went wrong on our side; nothing was changed");
    }
}

}  // namespace ces::web
