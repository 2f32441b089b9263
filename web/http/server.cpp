#include "web/http/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <algorithm>

#include "core/credentials.h"
#include "web/http/errors.h"

namespace ces::web {

namespace {

class BodyTooLarge : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string readBody(Poco::Net::HTTPServerRequest& request) {
    if (request.hasContentLength() &&
        request.getContentLength64() > static_cast<Poco::Int64>(kMaxBodyBytes)) {
        throw BodyTooLarge("the request body is larger than 1 MiB");
    }
    std::string body;
    char buffer[8192];
    auto& in = request.stream();
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > kMaxBodyBytes)
            throw BodyTooLarge("the request body is larger than 1 MiB");
    }
    return body;
}

void readRequest(Poco::Net::HTTPServerRequest& in, Request& request) {
    request.method = in.getMethod();
    Poco::URI uri(in.getURI());
    request.path = uri.getPath();
    for (const auto& [name, value] : uri.getQueryParameters()) request.query[name] = value;
    for (const auto& [name, value] : in) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        request.headers[lower] = value;
    }
    request.clientAddress = in.clientAddress().host().toString();
    request.body = readBody(in);
}

void send(const Response& response, Poco::Net::HTTPServerResponse& out) {
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
    out.setContentType(response.contentType);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Referrer-Policy", "no-referrer");
    out.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'");
    out.set("Cache-Control", "no-store");
    for (const auto& [name, value] : response.headers) out.add(name, value);
    out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
    out.send() << response.body;
}

void sendQuietly(const Response& response, Poco::Net::HTTPServerResponse& out) {
    try {
        send(response, out);
    } catch (...) {
        // The client has gone; nothing more to say to it.
    }
}

class RequestHandler : public Poco::Net::HTTPRequestHandler {
  public:
    explicit RequestHandler(const Router& router) : router_(router) {}
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        Request request;
        request.id = randomHex(6);
        try {
            readRequest(in, request);
        } catch (const BodyTooLarge& e) {
            out.setKeepAlive(false);
            return sendQuietly(errorBody(413, "too_large", e.what()), out);
        } catch (const Poco::Exception& e) {  // a malformed request: say what was wrong with it
            return sendQuietly(errorBody(400, "bad_request", e.displayText()), out);
        } catch (...) {
            return sendQuietly(errorResponse(std::current_exception(), request), out);
        }
        Response response;
        try {
            response = router_.dispatch(request);
        } catch (...) {
            response = errorResponse(std::current_exception(), request);
        }
        sendQuietly(response, out);
    }

  private:
    const Router& router_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    explicit HandlerFactory(const Router& router) : router_(router) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new RequestHandler(router_);
    }

  private:
    const Router& router_;
};

}  // namespace

Server::Server(const Router& router, unsigned short port, int threads) {
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress("0.0.0.0", port), true);
    socket.listen(1024);
    pool_ = std::make_unique<Poco::ThreadPool>(2, threads + 8);
    server_ =
        std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(router), *pool_, socket, params);
}

Server::~Server() {
    if (server_) server_->stopAll(true);
}

unsigned short Server::port() const { return server_->port(); }

void Server::start() { server_->start(); }

void Server::stop() { server_->stopAll(true); }

}  // namespace ces::web
