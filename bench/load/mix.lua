-- The wrk request mix of bench/load/run: 70% tracking reads by link, 20% catalogue searches
-- and 10% order creations by signed-in prescribers, each with its own Idempotency-Key.
-- Reads LOAD_TOKENS (one tracking token a line), LOAD_PRESCRIBERS ("bearer-token resident-id"
-- a line) and LOAD_ITEM (an item with ample stock) from the environment.

local terms = {"frame", "bed", "chair", "rail", "commode", "cushion", "stool", "hoist", "seat",
               "walking"}
local threads = {}
local started = 0

local function lines(path)
    local out = {}
    for line in io.lines(path) do
        if line ~= "" then out[#out + 1] = line end
    end
    return out
end

function setup(thread)
    started = started + 1
    thread:set("thread_id", started)
    threads[#threads + 1] = thread
end

local tokens, prescribers, item, counter = {}, {}, nil, 0
bad = ""

function init(args)
    tokens = lines(os.getenv("LOAD_TOKENS"))
    for _, line in ipairs(lines(os.getenv("LOAD_PRESCRIBERS"))) do
        local token, resident = line:match("^(%S+)%s+(%S+)$")
        prescribers[#prescribers + 1] = {token = token, resident = resident}
    end
    item = os.getenv("LOAD_ITEM")
    math.randomseed(os.time() * 1000 + thread_id)
end

function request()
    counter = counter + 1
    local pick = math.random(100)
    if pick <= 70 then
        return wrk.format("GET", "/api/v1/track/" .. tokens[math.random(#tokens)])
    end
    local p = prescribers[math.random(#prescribers)]
    local headers = {["Authorization"] = "Bearer " .. p.token}
    if pick <= 90 then
        return wrk.format("GET", "/api/v1/catalogue?q=" .. terms[math.random(#terms)], headers)
    end
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = string.format("load-%d-%d-%d", thread_id, counter,
                                               math.random(1000000000))
    local body = string.format(
        '{"resident_id":%s,"speed":"5_day","lines":[{"item_code":"%s","quantity":1}]}',
        p.resident, item)
    return wrk.format("POST", "/api/v1/orders", headers, body)
end

function response(status, headers, body)
    if status >= 300 then
        bad = bad .. " " .. status .. ":" .. body:sub(1, 120)
        if #bad > 2000 then bad = bad:sub(1, 2000) end
    end
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.0f p50_ms=%.2f p99_ms=%.2f "
                               .. "max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
                           summary.requests, seconds, summary.requests / seconds,
                           latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                           latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
    for _, thread in ipairs(threads) do
        local statuses = thread:get("bad")
        if statuses and statuses ~= "" then io.write("first bad answers:" .. statuses .. "\n") end
    end
end
