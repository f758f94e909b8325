-- The load of benchmarks/server_load.py for wrk (run by that script, not by hand).
--
--   wrk ... -s server_load.lua URL -- mixed  DATAFILE THREADS PACE_MS
--   wrk ... -s server_load.lua URL -- login  DATAFILE THREADS PACE_MS
--
-- DATAFILE has one parent per line: "token child_id day_part date email month_first month_last"
-- (the date is a planned day-part of that child at least 40 days ahead, so it can be reported
-- and cancelled again: the 30-day cancel rule).
--
-- mixed: what parents do at the morning peak — 90 % reads spread evenly over /me, the agenda
-- month, the request overview and the invoice list; 10 % writes, each parent alternating
-- "report absence" (with an Idempotency-Key, as the app sends it) and "cancel it".
-- login: POST /auth/login for the parents in turn, each from its own forwarded address (the
-- figure is the password hashing capacity, not the throttle's per-address budget).
-- PACE_MS > 0 makes each connection wait that long before each request (a paced load).
-- done() prints one JSON line that the runner reads.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local mode, pace = "mixed", 0
local parents = {}
local state = {}      -- child_id -> nil (nothing reported), "busy", or the absence id
local next_writer = 1
local counter = 0
local run = ""
local password = "zonnebloem-demo"

local function split(line)
   local fields = {}
   for field in line:gmatch("%S+") do table.insert(fields, field) end
   return fields
end

function init(args)
   mode, pace = args[1], tonumber(args[4]) or 0
   local nthreads = tonumber(args[3])
   local index = 0
   for line in io.lines(args[2]) do
      local f = split(line)
      -- Each thread writes for its own parents, so one parent never has two writes at once.
      if index % nthreads == id then
         table.insert(parents, {token = f[1], child = f[2], part = f[3], day = f[4],
                                email = f[5], first = f[6], last = f[7],
                                auth = "Bearer " .. f[1]})
      end
      index = index + 1
   end
   math.randomseed(os.time() + id * 7919)
   -- Keys unique across runs: the runs follow each other within the same second, and a key
   -- sent again with another request is refused (422 idempotency_key_reused).
   run = string.format("%d-%d", os.time(), math.random(1000000000))
end

local function get(parent, path)
   return wrk.format("GET", path, {["Authorization"] = parent.auth})
end

local function write_request()
   for _ = 1, #parents do
      local parent = parents[next_writer]
      next_writer = next_writer % #parents + 1
      local current = state[parent.child]
      if current ~= "busy" then
         counter = counter + 1
         state[parent.child] = "busy"
         local headers = {["Authorization"] = parent.auth,
                          ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, id,
                                                              counter)}
         if current == nil then
            headers["Content-Type"] = "application/json"
            local body = string.format(
               '{"child_ids":[%s],"first_date":"%s","day_part":"%s","reason":"ziek"}',
               parent.child, parent.day, parent.part)
            return wrk.format("POST", "/api/v1/absences", headers, body)
         end
         return wrk.format("DELETE", "/api/v1/absences/" .. current, headers)
      end
   end
   return nil
end

local function read_request()
   local parent = parents[math.random(#parents)]
   local pick = math.random(4)
   if pick == 1 then return get(parent, "/api/v1/me") end
   if pick == 2 then
      return get(parent, "/api/v1/agenda?from=" .. parent.first .. "&to=" .. parent.last)
   end
   if pick == 3 then return get(parent, "/api/v1/requests") end
   return get(parent, "/api/v1/finance/invoices")
end

local function login_request()
   counter = counter + 1
   local parent = parents[counter % #parents + 1]
   local address = string.format("10.%d.%d.%d", id, math.floor(counter / 250) % 250,
                                 counter % 250 + 1)
   return wrk.format("POST", "/api/v1/auth/login",
                     {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address},
                     string.format('{"email":"%s","password":"%s","device_name":"bench"}',
                                   parent.email, password))
end

function request()
   if mode == "trivial" then return wrk.request() end
   if mode == "login" then return login_request() end
   if math.random() < 0.1 then
      local write = write_request()
      if write ~= nil then return write end
   end
   return read_request()
end

function response(status, headers, body)
   if mode ~= "mixed" then return end
   -- Only the answers to writes start like this: {"absences":[{"id":… (report, 201) and
   -- {"id":…,"child_id":… (cancel, 200).
   local prefix = body:sub(1, 14)
   if status == 201 and prefix == '{"absences":[{' then
      local absence, child = body:match('"id":(%d+),"child_id":(%d+)')
      if child then state[child] = tonumber(absence) end
   elseif status == 200 and prefix:sub(1, 6) == '{"id":' then
      local child = body:match('"child_id":(%d+)')
      if child then state[child] = nil end
   end
end

function delay()
   if pace <= 0 then return 0 end
   -- +-20 % jitter so paced connections do not march in step.
   return pace * (0.8 + 0.4 * math.random())
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'RESULT {"requests":%d,"duration_us":%d,"status_errors":%d,"socket_errors":%d,' ..
      '"p50_us":%d,"p99_us":%d,"mean_us":%d}\n',
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(99), latency.mean))
end
