#include "web/http/errors.h"

#include <Poco/Exception.h>
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

void logInternalError(const Request& request, std::exception_ptr error) {
    std::string what = "an exception of unknown type";
    try {
        std::rethrow_exception(error);
    } catch (const Poco::Exception& e) {
        what = e.displayText();  // what() is only the exception's class name
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    // The route, not the path: a path may hold a tracking token.
    std::cerr << "ces: internal error in request " << request.id << " (" << request.method << " "
              << (request.route.empty() ? "an unknown route" : request.route) << "): " << what
              << std::endl;
}

Response errorResponse(std::exception_ptr error, const Request& request) {
    try {
        std::rethrow_exception(error);
    } catch (const BadRequest& e) {
        return errorBody(400, "bad_request", e.what(), e.field());
    } catch (const ValidationError& e) {
        return errorBody(422, "validation", e.what(), e.field());
    } catch (const Unauthenticated& e) {
        return errorBody(401, "unauthenticated", e.what());
    } catch (const CompetenceRequired& e) {
        Response response = errorBody(403, "competence_required", e.what(), e.field());
        auto body = jsonObject();
        auto errorObject = jsonObject();
        errorObject->set("code", "competence_required");
        errorObject->set("message", std::string(e.what()));
        errorObject->set("field", e.field());
        errorObject->set("item_code", e.itemCode());
        errorObject->set("competence", e.competence());
        body->set("error", errorObject);
        return jsonResponse(403, body);
    } catch (const Forbidden& e) {
        return errorBody(403, "forbidden", e.what());
    } catch (const PasswordChangeRequired& e) {
        return errorBody(403, "password_change_required", e.what());
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
    } catch (const MethodNotAllowed& e) {
        Response response = errorBody(405, "method_not_allowed", e.what());
        response.headers.emplace_back("Allow", e.allowed());
        return response;
    } catch (...) {
        logInternalError(request, error);
        return errorBody(500, "internal",
                         "Something went wrong on our side (request " + request.id + ")");
    }
}

}  // namespace ces::web
