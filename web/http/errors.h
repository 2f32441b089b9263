#pragma once
// The one place where exceptions become HTTP answers ({"error":{code,message,field}}).
#include "web/http/exchange.h"

#include <exception>

namespace ces::web {

/// The error answer for the exception in flight (call from a catch block).
Response errorResponse(std::exception_ptr error);

/// An error body with the design's shape.
Response errorBody(int status, const std::string& code, const std::string& message,
                   const std::string& field = "");

}  // namespace ces::web
