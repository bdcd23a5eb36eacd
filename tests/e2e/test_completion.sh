# The bash completion (completion/mtfp.bash, installed as share/bash-completion/completions/mtfp):
# sourced into bash alone, it completes the commands, each command's options as --help gives them,
# model directories, scripts after -s, packs after -o and directories after --csv.
source "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1
mkdir -p models/example models/halton scripts/halton out
touch models/example/model.lua scripts/a.lua scripts/halton/b.lua scripts/notes.txt pack.xlsx notes.txt \
    "scripts/with space.lua"

# complete WORD...: what completing the last WORD of "mtfp WORD..." offers, one a line, sorted.
complete_words() {
    bash --norc --noprofile -c '
        source "$1"
        shift
        COMP_WORDS=(mtfp "$@")
        COMP_CWORD=$#
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        _mtfp
        printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort' bash "$SOURCE/completion/mtfp.bash" "$@"
}
expect() { # WANT WORD...: the offers, space-separated, are WANT
    local want=$1 got
    shift
    got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
    [ "$got" = "$want" ] || fail "mtfp $*<TAB> offers \"$got\", expected \"$want\""
}
expect "check run simulate sweep" ""
expect "simulate sweep" s
expect "--help --version -h" -
expect "--seed --set --strict" run --s
expect "" check --c # check takes no --csv
expect "--threads --threshold" simulate --th
expect "--csv --help --set --strict --threads --vary --years" sweep --
expect "--threads --threshold" run --th # run --runs simulates too
expect "models out scripts" run ""
expect "models/example models/halton" run models/
expect "scripts/a.lua scripts/halton scripts/with space.lua" run models/example -s scripts/
[ "$(complete_words run -s scripts/w)" = "scripts/with space.lua" ] ||
    fail "a script with a space in its name: $(complete_words run -s scripts/w | tr '\n' '|')"
expect "models out pack.xlsx scripts" run -o "" # directories and workbooks
expect "" run --years ""
expect "models out scripts" run --csv "" # directories alone
# Once the model directory is given, the options.
expect "--csv --help --runs --seed --set --strict --threads --threshold --vary --years" run models/example -s scripts/a.lua --
expect "--csv --help --runs --seed --set --strict --threads --threshold --vary --years -o -s" run models/example ""

# Every option the completion offers is one --help names for that command, and the other way.
"$MTFP" --help >help
for command in run check simulate sweep; do
    for option in $(complete_words "$command" -); do
        grep -qE -- "(^|[[:space:][])$option( |$)" help || fail "$command: $option is not in --help"
    done
done
for option in $(grep -oE '(^|[[:space:][])--?[a-z][a-z-]*' help | sed -E 's/^[[:space:][]//' | sort -u); do
    case $option in --version | -h) continue ;; esac
    complete_words simulate - | grep -qx -- "$option" || complete_words sweep - | grep -qx -- "$option" ||
        fail "$option (in --help) is not completed for simulate or sweep"
done
finish
