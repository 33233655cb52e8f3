#!/usr/bin/env bash
# Sum the per-assembly result lines that `dotnet test` prints, e.g.
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.dll (net10.0)
#   Failed!  - Failed:     1, Passed:    11, Skipped:     0, Total:    12, Duration: 1 s - X.dll (net10.0)
# (or, if none, the "Test run summary:" block of Microsoft.Testing.Platform),
# and print as the very last line:  N passed, N failed, N skipped
#
# Usage: deploy/summarize-tests.sh LOGFILE [DOTNET_TEST_EXIT_CODE]
# Exit status: 0 only if dotnet test exited 0, no test failed, at least one
# test passed and the result lines were found; 1 otherwise.
set -euo pipefail

log=${1:?usage: summarize-tests.sh LOGFILE [DOTNET_TEST_EXIT_CODE]}
rc=${2:-0}
[[ -r "$log" ]] || { echo "summarize-tests: ERROR: cannot read $log"; echo "0 passed, 0 failed, 0 skipped"; exit 1; }

# Strip ANSI colour codes and CRs, then add up. Prints: assemblies passed failed skipped total
read -r assemblies passed failed skipped total < <(
    sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$log" | awk '
        function num(s, key,   m) {
            if (match(s, key ":[ \t]*[0-9]+")) { m = substr(s, RSTART, RLENGTH); sub(/^[^0-9]*/, "", m); return m + 0 }
            return -1
        }
        # VSTest, one line per test assembly
        /^[ \t]*(Passed|Failed)![ \t]+-[ \t]+Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+,/ {
            n++; f += num($0, "Failed"); p += num($0, "Passed"); s += num($0, "Skipped"); t += num($0, "Total")
            next
        }
        # Microsoft.Testing.Platform: "Test run summary: ..." then indented total/failed/succeeded/skipped lines
        /^[ \t]*Test run summary:/ { inmtp = 1; mn++; next }
        inmtp && /^[ \t]+total:[ \t]*[0-9]+/     { mt += num($0, "total"); next }
        inmtp && /^[ \t]+failed:[ \t]*[0-9]+/    { mf += num($0, "failed"); next }
        inmtp && /^[ \t]+succeeded:[ \t]*[0-9]+/ { mp += num($0, "succeeded"); next }
        inmtp && /^[ \t]+skipped:[ \t]*[0-9]+/   { ms += num($0, "skipped"); next }
        inmtp && /^[ \t]+[a-z]+:/                { next }
        inmtp                                    { inmtp = 0 }
        END {
            if (n > 0) print n, p + 0, f + 0, s + 0, t + 0
            else if (mn > 0) print mn, mp + 0, mf + 0, ms + 0, mt + 0
            else print 0, 0, 0, 0, 0
        }'
)

status=0
if ((assemblies == 0)); then
    echo "summarize-tests: ERROR: no test result lines found in $log (build failure, or the test run did not start?)"
    status=1
else
    echo "summarize-tests: $assemblies test assembl$( ((assemblies == 1)) && echo y || echo ies), $total tests"
fi
if grep -q 'Test Run Aborted\|test run was aborted\|Test host process crashed' "$log" 2>/dev/null; then
    echo "summarize-tests: ERROR: a test run was aborted (test host crashed?); see $log"
    status=1
fi
if [[ "$rc" != 0 ]]; then
    echo "summarize-tests: ERROR: dotnet test exited with status $rc"
    status=1
fi
if ((failed > 0)); then
    echo "summarize-tests: ERROR: $failed test(s) failed"
    status=1
fi
if ((assemblies > 0 && passed == 0)); then
    echo "summarize-tests: ERROR: no test passed (zero tests ran?)"
    status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
