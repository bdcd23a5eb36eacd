# Bash completion for mtfp(1): the commands, each command's options, model
# directories, scenario scripts (-s), packs (-o) and CSV directories (--csv).
# Installed as share/bash-completion/completions/mtfp; needs bash alone (not
# the bash-completion package). mtfp --help lists the options.

_mtfp_words() # WORDS: those of WORDS that complete $cur
{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_mtfp_files() # [PATTERN]: the directories, and the files matching PATTERN, that complete $cur
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    [ -z "$1" ] || mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X "!$1" -- "$cur")
}

_mtfp()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        case $cur in
        -*) _mtfp_words "--help -h --version" ;;
        *) _mtfp_words "run check simulate sweep" ;;
        esac
        return
    fi

    local options="-s --years --set --strict --help"
    case ${COMP_WORDS[1]} in
    run) options+=" -o --csv --runs --seed --threshold --vary --threads" ;;
    check) ;;
    simulate) options+=" -o --csv --runs --seed --threshold --threads" ;;
    sweep) options+=" -o --csv --vary --threads" ;;
    *) return ;;
    esac

    case $prev in
    -s) _mtfp_files '*.lua'; return ;;
    -o) _mtfp_files '*.[xX][lL][sS][xX]'; return ;;
    --csv) _mtfp_files; return ;;
    --years | --set | --runs | --seed | --threshold | --vary | --threads) return ;;
    esac
    if [[ $cur == -* ]]; then
        _mtfp_words "$options"
        return
    fi

    # One model directory; once it is given, the options.
    local i
    for ((i = 2; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -s | -o | --csv | --years | --set | --runs | --seed | --threshold | --vary | --threads)
            ((i++)) ;;
        -*) ;;
        *)
            _mtfp_words "$options"
            return
            ;;
        esac
    done
    _mtfp_files
}

complete -F _mtfp mtfp
