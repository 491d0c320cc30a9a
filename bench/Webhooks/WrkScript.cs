using System.Text;

namespace ChatbotPipeline.Bench.Webhooks;

/// <summary>
/// A wrk Lua script that sends each of the given requests once, in turn, pausing each connection between requests so
/// the whole run holds the target rate, and prints its latency percentiles as one JSON line when done.
/// </summary>
internal static class WrkScript
{
    public static string Write(IEnumerable<SignedRequest> requests, string file)
    {
        var lua = new StringBuilder("local requests = {}\n");
        var index = 0;
        foreach (var request in requests)
        {
            // Lua allows 65,536 constants per function: the list is built in functions of 1,000 requests each.
            if (index++ % 1000 == 0)
                lua.Append(index == 1 ? "" : "end)()\n").Append(";(function()\n");
            if (request.Body.Contains("]==]", StringComparison.Ordinal))
                throw new InvalidOperationException("A body would end the Lua long string early.");
            lua.Append("requests[#requests + 1] = { path = \"").Append(request.Path).Append("\", headers = {");
            foreach (var (name, value) in request.Headers)
                lua.Append("[\"").Append(name).Append("\"] = \"").Append(value).Append("\", ");
            lua.Append("}, body = [==[").Append(request.Body).Append("]==] }\n");
        }
        lua.Append(index == 0 ? "" : "end)()\n");
        lua.Append("""
            local n = 0
            local threads = {}
            statuses = {}
            function setup(thread)
              table.insert(threads, thread)
            end
            function response(status, headers, body)
              statuses[status] = (statuses[status] or 0) + 1
            end
            function init(args)
              pause = tonumber(args[1])
            end
            function request()
              n = n + 1
              local r = requests[(n - 1) % #requests + 1]
              return wrk.format("POST", r.path, r.headers, r.body)
            end
            function delay()
              return pause
            end
            function done(summary, latency, requests)
              local e = summary.errors
              local counts = {}
              for _, thread in ipairs(threads) do
                for status, count in pairs(thread:get("statuses")) do
                  counts[#counts + 1] = string.format('"%d":%d', status, count)
                end
              end
              io.write(string.format('RESULT {"statuses":{%s},"requests":%d,"durationMicroseconds":%d,"non2xx":%d,"socketErrors":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}\n',
                table.concat(counts, ","),
                summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
            end

            """);
        File.WriteAllText(file, lua.ToString());
        return file;
    }
}
