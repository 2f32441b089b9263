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
#include <chrono>
#include <future>

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

// The request id a balancer in front set (X-Request-Id) when it is a plain token; else ours.
std::string requestIdOf(const Request& request) {
    const std::string given = request.header("x-request-id");
    const bool plain = !given.empty() && given.size() <= 64 &&
                       std::all_of(given.begin(), given.end(), [](unsigned char ch) {
                           return std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.';
                       });
    return plain ? given : request.id;
}

// The client's address: the socket's peer, or the last hop a trusted balancer added.
std::string clientAddressOf(const Request& request, const std::string& peer,
                            const AddressRanges& trustedProxies) {
    const std::string forwarded = request.header("x-forwarded-for");
    if (forwarded.empty() || !trustedProxies.contains(peer)) return peer;
    const auto comma = forwarded.rfind(',');
    std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
    last.erase(0, last.find_first_not_of(' '));
    return last.empty() ? peer : last;
}

void readRequest(Poco::Net::HTTPServerRequest& in, const AddressRanges& trustedProxies,
                 Request& request) {
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
    request.clientAddress =
        clientAddressOf(request, in.clientAddress().host().toString(), trustedProxies);
    request.body = readBody(in);
}

void send(const Response& response, const std::string& requestId,
          Poco::Net::HTTPServerResponse& out) {
    out.set("X-Request-Id", requestId);
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

void sendQuietly(const Response& response, const std::string& requestId,
                 Poco::Net::HTTPServerResponse& out) {
    try {
        send(response, requestId, out);
    } catch (...) {
        // The client has gone; nothing more to say to it.
    }
}

class RequestHandler : public Poco::Net::HTTPRequestHandler {
  public:
    RequestHandler(const Router& router, const ServerOptions& options)
        : router_(router), options_(options) {}
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        request.id = randomHex(6);
        const Response response = answer(in, out, request);
        sendQuietly(response, request.id, out);
        if (options_.observer) {
            options_.observer(request, response.status, std::chrono::steady_clock::now() - started);
        }
    }

  private:
    Response answer(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out,
                    Request& request) {
        try {
            readRequest(in, options_.trustedProxies, request);
            request.id = requestIdOf(request);
        } catch (const BodyTooLarge& e) {
            out.setKeepAlive(false);
            return errorBody(413, "too_large", e.what());
        } catch (const Poco::Exception& e) {  // a malformed request: say what was wrong with it
            return errorBody(400, "bad_request", e.displayText());
        } catch (...) {
            return errorResponse(std::current_exception(), request);
        }
        try {
            return router_.dispatch(request);
        } catch (...) {
            return errorResponse(std::current_exception(), request);
        }
    }

    const Router& router_;
    const ServerOptions& options_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    HandlerFactory(const Router& router, const ServerOptions& options)
        : router_(router), options_(options) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new RequestHandler(router_, options_);
    }

  private:
    const Router& router_;
    const ServerOptions& options_;
};

}  // namespace

Server::Server(const Router& router, ServerOptions options) : options_(std::move(options)) {
    const int threads = options_.threads;
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    listening_ = std::make_unique<Poco::Net::ServerSocket>();
    listening_->bind(Poco::Net::SocketAddress("0.0.0.0", options_.port), true);
    listening_->listen(1024);
    pool_ = std::make_unique<Poco::ThreadPool>(2, threads + 8);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(router, options_), *pool_,
                                                      *listening_, params);
}

Server::~Server() {
    if (server_) server_->stopAll(true);
}

unsigned short Server::port() const { return server_->port(); }

void Server::start() { server_->start(); }

bool Server::drain(std::chrono::milliseconds limit) {
    // Stop accepting and close the listening socket, so a new connection is refused at once
    // rather than left in the backlog; then stopAll(false) waits for each connection's request
    // in hand before closing it, on its own thread so that the wait can be bounded.
    server_->stop();
    listening_->close();
    auto stopped = std::async(std::launch::async, [this] { server_->stopAll(false); });
    if (stopped.wait_for(limit) == std::future_status::ready) return true;
    server_->stopAll(true);
    stopped.wait();
    return false;
}

void Server::stop() { server_->stopAll(true); }

}  // namespace ces::web
