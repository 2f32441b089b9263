#pragma once
// The one place where exceptions become HTTP answers ({"error":{code,message,field}}).
#include <Poco/JSON/Array.h>

#include <exception>
#include <vector>

#include "core/types.h"
#include "web/http/exchange.h"

namespace ces::web {

/// The error answer for `error`: typed errors map to their 4xx; anything else is a 500 that
/// names only the request's id (the real message goes to the log, never to the caller).
Response errorResponse(std::exception_ptr error, const Request& request);

/// Logs an unexpected failure to stderr: the request's id, method and path and the real message.
void logInternalError(const Request& request, std::exception_ptr error);

/// Close technical equivalents in stock, as the API lists them ({code, name, available}).
Poco::JSON::Array::Ptr equivalentsJson(const std::vector<EquivalentInStock>& equivalents);

/// An error body with the design's shape.
Response errorBody(int status, const std::string& code, const std::string& message,
                   const std::string& field = "");

}  // namespace ces::web
