# What bench/load/run and bench/cluster/run share: installing a missing tool, calling the API
# with curl, signing in, and preparing the load mix's prescribers, residents, stock and tracking
# tokens. Sourced; the caller sets $base (the server's URL) and $work (a scratch folder).
# Messages name the calling script ($bench, "bench/load" unless set).
bench=${bench:-bench/load}

need() {  # need COMMAND DEBIAN-PACKAGE: installs it when missing (as root) or stops
    command -v "$1" >/dev/null && return
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >/dev/null
    else
        echo "$bench: $1 is missing: sudo apt-get install $2" >&2; exit 1
    fi
}

api() {  # api METHOD PATH [TOKEN] [BODY]: the body of a 2xx answer, or stops
    local args=(-sS -X "$1" "$base$2" -H 'Content-Type: application/json' -w '\n%{http_code}')
    [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
    [ -n "${4:-}" ] && args+=(--data "$4")
    local answer status
    answer=$(curl "${args[@]}")
    status=${answer##*$'\n'}
    if [ "${status:0:1}" != 2 ]; then
        echo "$bench: $1 $2 answered $status: ${answer%$'\n'*}" >&2; exit 1
    fi
    printf '%s' "${answer%$'\n'*}"
}

sign_in() { api POST /api/v1/sessions "" "{\"username\":\"$1\",\"password\":\"demo-$1\"}" | jq -r .token; }

nhs_number() {  # a valid NHS number (modulus 11) from a random nine-digit start
    local digits check sum i
    while true; do
        digits=$(printf '%09d' $(( (RANDOM * 32768 + RANDOM) % 900000000 + 100000000 )))
        sum=0
        for i in 0 1 2 3 4 5 6 7 8; do sum=$(( sum + ${digits:i:1} * (10 - i) )); done
        check=$(( 11 - sum % 11 ))
        [ "$check" = 11 ] && check=0
        [ "$check" != 10 ] && { echo "$digits$check"; return; }
    done
}

# Signs in the prescribers, gives each a new resident, collects tracking tokens of their
# teams' orders and gives the ordered item ample stock at every depot.
prepare() {  # prepare ITEM PRESCRIBER...
    local item=$1; shift
    local warehouse; warehouse=$(sign_in warehouse)
    local depots; depots=$(api GET /api/v1/stock "$warehouse" | jq -r '.depots[].code')
    [ -n "$depots" ] || depots="WKD EKD NKD"  # the county-year has depots but no stock rows
    for depot in $depots; do
        api POST /api/v1/stock/adjustments "$warehouse" \
            "{\"depot\":\"$depot\",\"item_code\":\"$item\",\"delta\":1000000,\"reason\":\"load test\"}" >/dev/null
    done
    : > "$work/prescribers.txt"
    : > "$work/tokens.txt"
    local user token resident
    for user in "$@"; do
        token=$(sign_in "$user")
        resident=$(api POST /api/v1/residents "$token" "{\"nhs_number\":\"$(nhs_number)\",\
\"name\":\"Load Test\",\"date_of_birth\":\"1944-05-06\",\"address_line1\":\"1 High Street\",\
\"town\":\"Maidstone\",\"postcode\":\"ME14 1AD\",\"phone\":\"01622 000000\",\"access_notes\":\"\"}" | jq -r .id)
        echo "$token $resident" >> "$work/prescribers.txt"
        for ref in $(api GET /api/v1/orders "$token" | jq -r '.orders[].reference' | head -100); do
            api GET "/api/v1/orders/$ref" "$token" | jq -r '.tracking_token // empty' >> "$work/tokens.txt"
        done
    done
    [ -s "$work/tokens.txt" ] || { echo "$bench: no tracking tokens found" >&2; exit 1; }
    echo "   $(wc -l < "$work/tokens.txt") tracking tokens, $# prescribers, ordering $item"
}

