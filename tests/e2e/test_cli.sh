# The command line: help, version, usage errors and their exit statuses.
source "$(dirname "$0")/lib.sh"
expect_status 0 "$MTFP" --help && grep -q "mtfp run" "$SCRATCH/out" || fail "--help does not show run"
grep -q "mtfp check" "$SCRATCH/out" || fail "--help does not show check"
# --version: mtfp's version, then the versions of the libraries' headers it was built with.
expect_status 0 "$MTFP" --version && [ "$(wc -l <"$SCRATCH/out")" = 2 ] &&
    grep -Eq '^mtfp [0-9]+\.[0-9]+\.[0-9]+$' <(head -1 "$SCRATCH/out") &&
    grep -Eq '^built with Lua 5\.4\.[0-9]+, libxlsxwriter [0-9]+\.[0-9]+\.[0-9]+, libcsv [0-9]+\.[0-9]+\.[0-9]+, expat [0-9]+\.[0-9]+\.[0-9]+$' \
        <(tail -1 "$SCRATCH/out") || fail "--version prints $(cat "$SCRATCH/out")"
# mtfp CMD --help (or -h, among the options) is mtfp --help: the help, exit 0, nothing run.
for command in run check simulate sweep; do
    expect_status 0 "$MTFP" "$command" "$SOURCE/models/example" -o "$SCRATCH/help.xlsx" --help &&
        grep -q "mtfp simulate" "$SCRATCH/out" || fail "$command --help: $(cat "$SCRATCH/out" "$SCRATCH/err")"
done
expect_status 0 "$MTFP" run -h && grep -q "mtfp sweep" "$SCRATCH/out" || fail "run -h: $(cat "$SCRATCH/err")"
[ ! -e "$SCRATCH/help.xlsx" ] || fail "run --help wrote a pack"
expect_status 2 "$MTFP" run --frobnicate && grep -q 'unknown option "--frobnicate"' "$SCRATCH/err" ||
    fail "unknown option message: $(cat "$SCRATCH/err")"
# An option of another command is not unknown: check writes no CSV.
expect_status 2 "$MTFP" check --csv out && [ "$(head -1 "$SCRATCH/err")" = "mtfp check does not take --csv" ] ||
    fail "an option of another command: $(cat "$SCRATCH/err")"
expect_status 2 "$MTFP" frobnicate
expect_status 2 "$MTFP" run "$SOURCE/models/example" --years 31
expect_status 2 "$MTFP" run "$SOURCE/models/example" --set growth
# A value is a decimal number or a percentage: strtod read 0x10 as 16 (16 placements).
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx" --set extra_placements=0x10 &&
    grep -qF -- '--set "extra_placements=0x10": expected NAME=VALUE with a decimal number' "$SCRATCH/err" ||
    fail "--set 0x10: $(cat "$SCRATCH/err")"
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o
# An option where a file is expected: the value is left out, and the next option is not taken
# for it (-o as the script, and then the pack "an unexpected argument").
expect_status 2 "$MTFP" run "$SOURCE/models/example" -s -o "$SCRATCH/left-out.xlsx" &&
    grep -qxF -- '-s needs a script file, got the option -o' "$SCRATCH/err" || fail "-s -o: $(cat "$SCRATCH/err")"
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o --csv "$SCRATCH/left-out" &&
    grep -qxF -- "-o needs the pack's file name (FILE.xlsx), got the option --csv" "$SCRATCH/err" ||
    fail "-o --csv: $(cat "$SCRATCH/err")"
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/left-out.xlsx" --csv --strict &&
    grep -qxF -- '--csv needs a directory, got the option --strict' "$SCRATCH/err" ||
    fail "--csv --strict: $(cat "$SCRATCH/err")"
[ ! -e "$SCRATCH/left-out.xlsx" ] && [ ! -e "$SCRATCH/left-out" ] || fail "a left-out value wrote outputs"
expect_status 1 "$MTFP" run "$SCRATCH/no-such-model" && grep -q "no-such-model: not a model directory" "$SCRATCH/err" ||
    fail "missing model message: $(cat "$SCRATCH/err")"
# An output directory that does not exist: exit 3, nothing written.
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/missing/pack.xlsx"
# An output that cannot be written after the pack was: exit 3, the earlier
# pack is kept and no temporary file is left behind.
mkdir -p "$SCRATCH/keep"
printf 'an earlier pack' >"$SCRATCH/keep/pack.xlsx"
touch "$SCRATCH/keep/not-a-directory"
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/keep/pack.xlsx" \
    --csv "$SCRATCH/keep/not-a-directory/csv"
[ "$(cat "$SCRATCH/keep/pack.xlsx")" = "an earlier pack" ] || fail "a failed run replaced the pack"
[ "$(ls -A "$SCRATCH/keep" | tr '\n' ' ')" = "not-a-directory pack.xlsx " ] ||
    fail "a failed run left files behind: $(ls -A "$SCRATCH/keep")"
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/keep/not-a-directory/pack.xlsx"
# -o must name a workbook (.xlsx, any case), and what is there is replaced only if it is a
# file: renaming the pack over a device (-o /dev/null, as root) or a directory would replace it.
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/pack.csv" &&
    grep -q 'the pack is an Excel workbook: give a file name ending .xlsx' "$SCRATCH/err" ||
    fail "-o pack.csv: $(cat "$SCRATCH/err")"
[ ! -e "$SCRATCH/pack.csv" ] || fail "-o pack.csv wrote a file"
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/PACK.XLSX"
mkdir -p "$SCRATCH/dir.xlsx"
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/dir.xlsx" &&
    grep -q 'dir.xlsx: is a directory' "$SCRATCH/err" || fail "-o a directory: $(cat "$SCRATCH/err")"
mkfifo "$SCRATCH/fifo.xlsx"
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/fifo.xlsx" &&
    grep -q 'fifo.xlsx: is not a file' "$SCRATCH/err" || fail "-o a fifo: $(cat "$SCRATCH/err")"
[ -p "$SCRATCH/fifo.xlsx" ] || fail "the fifo was replaced"
mkdir -p "$SCRATCH/csv-with-dir/summary.csv"
expect_status 3 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx" --csv "$SCRATCH/csv-with-dir" &&
    grep -q 'summary.csv: is a directory' "$SCRATCH/err" || fail "--csv over a directory: $(cat "$SCRATCH/err")"
[ -d "$SCRATCH/csv-with-dir/summary.csv" ] || fail "the directory summary.csv was replaced"
# run writes the same CSV files whatever the model holds (a part it lacks has its header row
# alone), so a directory used before holds this run's files only: the capital fixture's
# capital.csv does not stay beside the small model's summary.csv. A file mtfp does not write
# (a note, or sweep.csv, which only mtfp sweep writes) is left alone.
mkdir -p "$SCRATCH/reused"
echo "a note" >"$SCRATCH/reused/notes.txt"
expect_status 0 "$MTFP" sweep "$SOURCE/models/example" --vary extra_placements=0:1:1 -o "$SCRATCH/p.xlsx" \
    --csv "$SCRATCH/reused"
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/capital" -o "$SCRATCH/p.xlsx" --csv "$SCRATCH/reused"
expect_status 0 "$MTFP" run "$SOURCE/tests/fixtures/small" -o "$SCRATCH/p.xlsx" --csv "$SCRATCH/reused"
[ "$(ls "$SCRATCH/reused" | tr '\n' ' ')" = \
    "capital.csv monitoring.csv notes.txt placements.csv pools.csv reserves.csv revenue.csv risks.csv savings.csv staffing.csv summary.csv sweep.csv tornado-by-year.csv tornado.csv " ] ||
    fail "--csv into a used directory: $(ls "$SCRATCH/reused" | tr '\n' ' ')"
same_file - "$SCRATCH/reused/capital.csv" <<<"scenario,scheme,programme,measure,year,amount"
same_file - "$SCRATCH/reused/staffing.csv" <<<"scenario,service,category,measure,year,value"
same_file - "$SCRATCH/reused/monitoring.csv" <<<"partner,service,subjective,rag,measure,month,amount"
[ "$(cat "$SCRATCH/reused/notes.txt")" = "a note" ] || fail "--csv changed a file it does not write"
# --csv given the model's own directory would write revenue.csv over the model's: refused
# (exit 3), and the model is as it was.
cp -r "$SOURCE/tests/fixtures/small" "$SCRATCH/own"
expect_status 3 "$MTFP" run "$SCRATCH/own" -o "$SCRATCH/own.xlsx" --csv "$SCRATCH/own" &&
    grep -q "own/revenue.csv: is the run's revenue input, which writing here would replace" \
        "$SCRATCH/err" || fail "--csv into the model: $(cat "$SCRATCH/err")"
cmp -s "$SOURCE/tests/fixtures/small/revenue.csv" "$SCRATCH/own/revenue.csv" ||
    fail "--csv into the model replaced its revenue.csv"
[ ! -e "$SCRATCH/own/summary.csv" ] && [ ! -e "$SCRATCH/own.xlsx" ] || fail "a refused run wrote outputs"
# -s given a directory says so.
expect_status 1 "$MTFP" run "$SOURCE/models/example" -s "$SOURCE/scripts/walsall" -o "$SCRATCH/p.xlsx" &&
    grep -q 'scripts/walsall: is a directory: give a scenario script' "$SCRATCH/err" ||
    fail "-s a directory: $(cat "$SCRATCH/err")"
# Stopped while the pack is written (a kill, or Ctrl-C at a terminal): the run dies of the
# signal, its temporary files go with it, and the earlier pack stays. SIGTERM here, as a
# shell's background job ignores SIGINT. The synthetic authority takes seconds to write.
python3 "$SOURCE/bench/generate.py" "$SCRATCH/big" --lines 5000 --scenarios 10 --years 10 >/dev/null
mkdir -p "$SCRATCH/stop"
printf 'an earlier pack' >"$SCRATCH/stop/pack.xlsx"
"$MTFP" run "$SCRATCH/big" -o "$SCRATCH/stop/pack.xlsx" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 500); do
    ls -A "$SCRATCH/stop" | grep -q '^\.pack\.xlsx\.' && break
    sleep 0.02
done
kill -TERM "$pid"
got=0
wait "$pid" || got=$?
[ "$got" = 143 ] || fail "a run stopped with SIGTERM exited $got, expected 143"
[ "$(ls -A "$SCRATCH/stop")" = pack.xlsx ] || fail "a stopped run left files behind: $(ls -A "$SCRATCH/stop")"
[ "$(cat "$SCRATCH/stop/pack.xlsx")" = "an earlier pack" ] || fail "a stopped run replaced the earlier pack"
# check validates and writes nothing.
(cd "$SCRATCH" && expect_status 0 "$MTFP" check "$SOURCE/tests/fixtures/small") &&
    grep -q "5 revenue lines, 2 scenarios" "$SCRATCH/out" || fail "check output: $(cat "$SCRATCH/out")"
[ ! -e "$SCRATCH/output" ] || fail "check wrote output"
# --set reaches a script's param(); a --set no script asks for is a usage error (as a warning,
# a misspelt name would leave the default in place and the run go on), as a --vary one is.
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx" --csv "$SCRATCH/set" \
    --set extra_placements=1
grep -q '^Placement pressure: three more external residential placements,pressures,2006/07,77250.00$' \
    "$SCRATCH/set/summary.csv" || fail "--set extra_placements=1 did not give one placement"
# The same name twice: the last value counts (two placements, not one).
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx" --csv "$SCRATCH/set2" \
    --set extra_placements=1 --set extra_placements=2
grep -q '^Placement pressure: three more external residential placements,pressures,2006/07,154500.00$' \
    "$SCRATCH/set2/summary.csv" || fail "--set given twice did not take the last value"
expect_status 2 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx" --set extra_placement=1 &&
    grep -qxF -- '--set extra_placement: no scenario script asks for param("extra_placement", ...) (did you mean "extra_placements"?)' \
        "$SCRATCH/err" || fail "a misspelt --set: $(cat "$SCRATCH/err")"
expect_status 2 "$MTFP" check "$SOURCE/tests/fixtures/small" --set nosuch=1 &&
    grep -qxF -- '--set nosuch: no scenario script asks for param("nosuch", ...)' "$SCRATCH/err" ||
    fail "an unknown --set: $(cat "$SCRATCH/err")"
# Writing the pack tells its progress on a terminal (sheet by sheet, the long
# ones scenario by scenario), then the CSV file by file, and clears the line;
# elsewhere it says nothing.
expect_status 0 "$MTFP" run "$SOURCE/models/example" -o "$SCRATCH/p.xlsx"
! grep -q "writing the pack" "$SCRATCH/err" || fail "progress when stderr is not a terminal"
if command -v script >/dev/null; then
    script -qec "$MTFP run $SOURCE/models/example -o $SCRATCH/tty.xlsx --csv $SCRATCH/tty-csv" \
        /dev/null >"$SCRATCH/tty" 2>&1 || fail "run on a terminal failed: $(cat "$SCRATCH/tty")"
    for step in "pack: Cover" "pack: Revenue, 3 of 3 scenarios" "pack: Staffing, 1 of 3 scenarios" \
        "pack: compressing" "CSV: summary.csv" "CSV: staffing.csv"; do
        grep -q "writing the $step" "$SCRATCH/tty" || fail "no \"writing the $step\" on a terminal"
    done
    grep -q $'writing the CSV: [a-z]*\\.csv\033\[K\r\033\[KWrote ' "$SCRATCH/tty" ||
        fail "the progress line is not cleared before the result"
fi
# A funding source without amounts for some years: one warning for each run
# of years, not one a year (--years 6 leaves out 2009/10 to 2011/12, and the
# copy of the small model below leaves out 2010/11 alone).
expect_status 0 "$MTFP" check "$SOURCE/models/example" --years 6
[ "$(grep -c 'has no amount for' "$SCRATCH/err")" = 4 ] &&
    grep -q '"PCT" has no amount for 2009/10 to 2011/12; taken as 0$' "$SCRATCH/err" ||
    fail "missing funding years are not one warning a run: $(cat "$SCRATCH/err")"
cp -r "$SOURCE/tests/fixtures/small" "$SCRATCH/gap"
sed -i 's/\["2010\/11"\] = 3000000,//' "$SCRATCH/gap/model.lua"
expect_status 0 "$MTFP" check "$SCRATCH/gap"
[ "$(grep 'has no amount for' "$SCRATCH/err")" = \
    "$SCRATCH/gap/model.lua:10: warning: funding source \"Cash limit\" has no amount for 2010/11; taken as 0" ] ||
    fail "a year left out of the funding: $(cat "$SCRATCH/err")"
# An escape sequence in a name an error quotes reaches the terminal as '?', not as a command.
printf 'scenario "x"\npressure { service = "Nope\\27[2J", subjective = "Employees", amount = 1, from = "2006-04" }\n' \
    >"$SCRATCH/escape.lua"
expect_status 1 "$MTFP" run "$SOURCE/models/example" -s "$SCRATCH/escape.lua" -o "$SCRATCH/e.xlsx"
grep -qF 'unknown service "Nope?[2J"' "$SCRATCH/err" && ! grep -q $'\033' "$SCRATCH/err" ||
    fail "an escape sequence reached stderr: $(od -c "$SCRATCH/err" | head -3)"
# Every error of the model's files at once: the first 50, then how many more (53 amounts
# with a fraction of a penny and a row one field short).
mkdir -p "$SCRATCH/many"
echo 'model { name = "Many", base_year = "2009/10" }' >"$SCRATCH/many/model.lua"
{
    echo "partner,service,subjective,amount"
    for i in $(seq 1 53); do echo "Council,Svc $i,Employees,$i.001"; done
    echo "Council,Short,Employees"
} >"$SCRATCH/many/revenue.csv"
expect_status 1 "$MTFP" check "$SCRATCH/many" &&
    [ "$(wc -l <"$SCRATCH/err")" = 51 ] &&
    [[ "$(sed -n 50p "$SCRATCH/err")" == "$SCRATCH/many/revenue.csv:51:4: amount \"50.001\" is not valid: at most two decimal places"* ]] &&
    [ "$(tail -1 "$SCRATCH/err")" = "mtfp: and 4 more errors" ] ||
    fail "many errors: $(head -2 "$SCRATCH/err"; tail -2 "$SCRATCH/err")"
# The headline: each scenario's final-year gap and cumulative gap, the figures
# right-aligned in columns (a "£" is one column) and the name whole after them.
expect_status 0 "$MTFP" run "$SOURCE/models/walsall" -o "$SCRATCH/w.xlsx"
grep -qxF '     £95,480.50    £252,013.80  Twelve more placements: shared 50/50, the PCT capped at £50,000' \
    "$SCRATCH/out" || fail "the headline cuts or misaligns a scenario: $(cat "$SCRATCH/out")"
columns=$(
    LC_ALL=C.UTF-8 # ${#x} counts characters
    sed -n '3,$p' "$SCRATCH/out" | while IFS= read -r line; do
        figures=${line%  *} # all but the name, which follows the last two spaces
        echo "${#figures}"
    done | sort -u
)
[ "$columns" = 30 ] || fail "the headline's figure columns are not aligned: $(cat "$SCRATCH/out")"
finish
