#!/usr/bin/env bash
# A throwaway MediaWiki for the tests: Debian's `mediawiki` package (1.39 LTS) on SQLite, served by `php -S` on
# 127.0.0.1 at a free port found at run time, in a fresh temporary directory. Touches no system configuration.
#
#   scripts/test-wiki.sh start [--lang CODE] [--fixtures DIR] [--env-file FILE] [--no-install]
#       Installs the packages when missing (apt-get, needs root; --no-install fails instead), creates the wiki
#       (content language CODE, default en), enables Cite, ParserFunctions and TemplateData, imports the fixture
#       pages (and with --fixtures DIR every DIR/*.wiki, the file name without .wiki as the title, %2F for "/":
#       the citation templates of test/fixtures/wiki/<lang>/) and starts the server. Prints shell assignments on stdout (and writes them to DIR/wiki.env and to
#       FILE when given):
#         WIKI_API=http://127.0.0.1:PORT/api.php   WIKI_DIR=/tmp/wikitext-test-wiki.XXXX   WIKI_PID=1234
#         WIKI_PORT=PORT   WIKI_LANG=en   WIKI_ADMIN_USER/PASSWORD (Admin)   WIKI_BOT_USER/PASSWORD (a bot password)
#       so `eval "$(scripts/test-wiki.sh start)"` sets them. Several wikis may run at once (own dir, own port).
#   scripts/test-wiki.sh stop DIR|ENV-FILE
#       Stops that wiki's server and deletes its directory.
#   scripts/test-wiki.sh check
#       Exit 0 when the packages are installed (php, sqlite3 driver, MediaWiki), 1 otherwise.
#
# Fixture pages: "Kazakhstan" (examples/Kazakhstan__Government_and_politics.wiki; MediaWiki strips its trailing
# whitespace), "Kaz" (a redirect to it), "Sections" (three sections), "MediaWiki:Common.css" (not wikitext),
# "Protected page" (edit-protected). A wiki in another language also gets the namespace alias Foto -> File.
set -euo pipefail

MW=/usr/share/mediawiki
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PACKAGES=(mediawiki php-sqlite3 php-cli php-intl php-mbstring php-xml)
BOT_PASSWORD=abcdefghijklmnopqrstuv0123456789  # 32 characters of [0-9a-v], as Special:BotPasswords makes them (others are not taken for one)

log() { echo "test-wiki: $*" >&2; }

have_packages() {
  command -v php >/dev/null 2>&1 && [ -f "$MW/maintenance/install.php" ] \
    && php -r 'exit(extension_loaded("pdo_sqlite") && extension_loaded("intl") && extension_loaded("mbstring") && extension_loaded("xml") ? 0 : 1);' 2>/dev/null
}

install_packages() {
  if have_packages; then return 0; fi
  if [ "${NO_INSTALL:-0}" = 1 ]; then log "MediaWiki packages missing (${PACKAGES[*]})"; exit 3; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "MediaWiki packages missing and cannot be installed here (needs root and apt-get): ${PACKAGES[*]}"
    exit 3
  fi
  log "installing ${PACKAGES[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${PACKAGES[@]}" >&2 \
    || { apt-get -o DPkg::Lock::Timeout=600 update >&2 && apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${PACKAGES[@]}" >&2; }
  have_packages || { log "packages installed but php still lacks a needed extension"; exit 3; }
}

free_port() {
  # the kernel picks a free ephemeral port; the caller retries if it is taken before php binds it
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m); $n = stream_socket_get_name($s, false); fclose($s); echo substr($n, strrpos($n, ":") + 1);'
}

start() {
  local lang=en env_file="" fixtures=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --lang) lang="$2"; shift 2 ;;
      --env-file) env_file="$2"; shift 2 ;;
      --fixtures) fixtures="$2"; shift 2 ;;
      --no-install) NO_INSTALL=1; shift ;;
      *) log "unknown option $1"; exit 2 ;;
    esac
  done
  [[ "$lang" =~ ^[a-z][a-z0-9-]*$ ]] || { log "bad language code $lang"; exit 2; }
  [ -z "$fixtures" ] || [ -d "$fixtures" ] || { log "no fixture directory $fixtures"; exit 2; }
  install_packages

  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/wikitext-test-wiki.XXXXXX")"
  mkdir -p "$dir/data" "$dir/pages"
  log "installing a $lang wiki in $dir"
  # the port is not known yet: $wgServer is set below, after the server has bound one
  (cd "$MW" && php maintenance/install.php --dbtype sqlite --dbpath "$dir/data" --dbname wiki \
    --server http://127.0.0.1 --scriptpath "" --lang "$lang" --pass 'A-long-pass-123' \
    --confpath "$dir" "Test Wiki" Admin) > "$dir/install.log" 2>&1 \
    || { log "install.php failed, see $dir/install.log"; tail -20 "$dir/install.log" >&2; exit 1; }

  cat >> "$dir/LocalSettings.php" <<'PHP'

# --- added by scripts/test-wiki.sh ---
wfLoadExtension( 'Cite' );
wfLoadExtension( 'ParserFunctions' );
wfLoadExtension( 'TemplateData' );
$wgMainCacheType = CACHE_NONE;
$wgEnableUploads = false;
$wgShowExceptionDetails = true;
PHP
  if [ "$lang" != en ]; then
    echo "\$wgNamespaceAliases['Foto'] = NS_FILE;" >> "$dir/LocalSettings.php"
  fi
  cat > "$dir/router.php" <<PHP
<?php
// php -S router: every request gets this wiki's settings file; .php paths run that file, others index.php
putenv('MW_CONFIG_FILE=$dir/LocalSettings.php');
define('MW_CONFIG_FILE', '$dir/LocalSettings.php');
\$path = parse_url(\$_SERVER['REQUEST_URI'], PHP_URL_PATH);
\$file = '$MW' . \$path;
if (\$path !== '/' && is_file(\$file) && !str_ends_with(\$path, '.php')) return false;
chdir('$MW');
if (preg_match('#^/(api|index|load|rest)\\.php#', \$path, \$m)) { \$_SERVER['SCRIPT_NAME'] = '/' . \$m[1] . '.php'; require '$MW/' . \$m[1] . '.php'; }
else { \$_SERVER['SCRIPT_NAME'] = '/index.php'; require '$MW/index.php'; }
PHP

  # fixture pages (file name = title without its last extension, which importTextFiles drops)
  cp "$ROOT/examples/Kazakhstan__Government_and_politics.wiki" "$dir/pages/Kazakhstan"
  printf '#REDIRECT [[Kazakhstan]]\n' > "$dir/pages/Kaz"
  printf 'Intro text.\n\n== First ==\nAlpha.<ref>A note.</ref>\n\n== Second ==\nBeta [[Kazakhstan]].\n\n=== Second.1 ===\nGamma.\n\n== References ==\n<references />\n' > "$dir/pages/Sections"
  printf '.x { color: red; }\n' > "$dir/pages/MediaWiki:Common.css.txt"
  printf 'Nobody may edit this.\n' > "$dir/pages/Protected page"
  export MW_CONFIG_FILE="$dir/LocalSettings.php"
  (cd "$MW" && php maintenance/importTextFiles.php --overwrite -u Admin -s "test fixture" \
    "$dir/pages/Kazakhstan" "$dir/pages/Kaz" "$dir/pages/Sections" "$dir/pages/MediaWiki:Common.css.txt" "$dir/pages/Protected page") \
    > "$dir/import.log" 2>&1 || { log "import failed, see $dir/import.log"; tail -20 "$dir/import.log" >&2; exit 1; }
  if [ -n "$fixtures" ]; then
    # citation templates with TemplateData (and redirects to them): one file per page, "Title.wiki"
    # a title with "/" (a subpage) is written %2F in the file name and goes through edit.php, which takes the title
    local fx=() f abs
    for f in "$fixtures"/*.wiki; do
      [ -f "$f" ] || continue
      abs="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
      case "$f" in
        *%2F*) local t; t="$(basename "$f" .wiki)"; t="${t//%2F//}"
          (cd "$MW" && php maintenance/edit.php -u Admin -s "test fixture" "$t" < "$abs") >> "$dir/import.log" 2>&1 \
            || { log "fixture import failed ($t), see $dir/import.log"; exit 1; } ;;
        *) fx+=("$abs") ;;
      esac
    done
    if [ "${#fx[@]}" -gt 0 ]; then
      (cd "$MW" && php maintenance/importTextFiles.php --overwrite -u Admin -s "test fixture" "${fx[@]}") \
        >> "$dir/import.log" 2>&1 || { log "fixture import failed, see $dir/import.log"; tail -20 "$dir/import.log" >&2; exit 1; }
    fi
  fi
  (cd "$MW" && php maintenance/protect.php -u Admin -r "test fixture" "Protected page") >> "$dir/import.log" 2>&1 || true
  # a bot password for tests that log in and edit (Special:BotPasswords; name Admin@wikitextlint)
  (cd "$MW" && php maintenance/createBotPassword.php --appid wikitextlint \
    --grants basic,editpage,editprotected,createeditmovepage,highvolume Admin "$BOT_PASSWORD") >> "$dir/import.log" 2>&1 \
    || { log "createBotPassword failed, see $dir/import.log"; exit 1; }

  local port="" pid="" tries
  for tries in 1 2 3 4 5; do
    port="$(free_port)"
    printf '<?php\n$wgServer = "http://127.0.0.1:%s";\n' "$port" > "$dir/server.php"
    # opcache would keep LocalSettings.php for 2 s after a change: tests edit it while the wiki runs
    php -d opcache.revalidate_freq=0 -S "127.0.0.1:$port" -t "$MW" "$dir/router.php" > "$dir/server.log" 2>&1 < /dev/null &
    pid=$!
    local up=0 i
    for i in $(seq 1 50); do
      if ! kill -0 "$pid" 2>/dev/null; then break; fi
      if php -r '$s = @fsockopen("127.0.0.1", (int)$argv[1], $e, $m, 0.2); exit($s ? 0 : 1);' "$port" 2>/dev/null; then up=1; break; fi
      sleep 0.1
    done
    if [ "$up" = 1 ] && kill -0 "$pid" 2>/dev/null; then break; fi
    kill "$pid" 2>/dev/null || true
    pid=""
    log "port $port was taken, trying another"
  done
  [ -n "$pid" ] || { log "could not start php -S"; exit 1; }
  echo "require __DIR__ . '/server.php';" >> "$dir/LocalSettings.php"

  {
    echo "WIKI_API=http://127.0.0.1:$port/api.php"
    echo "WIKI_DIR=$dir"
    echo "WIKI_PID=$pid"
    echo "WIKI_PORT=$port"
    echo "WIKI_LANG=$lang"
    echo "WIKI_ADMIN_USER=Admin"
    echo "WIKI_ADMIN_PASSWORD=A-long-pass-123"
    echo "WIKI_BOT_USER=Admin@wikitextlint"
    echo "WIKI_BOT_PASSWORD=$BOT_PASSWORD"
  } > "$dir/wiki.env"
  [ -z "$env_file" ] || cp "$dir/wiki.env" "$env_file"
  cat "$dir/wiki.env"
  log "up at http://127.0.0.1:$port/api.php (stop: scripts/test-wiki.sh stop $dir)"
}

stop() {
  local target="${1:-}"
  [ -n "$target" ] || { log "stop needs the wiki's directory or env file"; exit 2; }
  local env="$target"
  [ -d "$target" ] && env="$target/wiki.env"
  [ -f "$env" ] || { log "no wiki at $target"; exit 1; }
  local WIKI_DIR="" WIKI_PID=""
  WIKI_DIR="$(sed -n 's/^WIKI_DIR=//p' "$env")"
  WIKI_PID="$(sed -n 's/^WIKI_PID=//p' "$env")"
  if [ -n "$WIKI_PID" ] && kill -0 "$WIKI_PID" 2>/dev/null; then
    kill "$WIKI_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$WIKI_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  case "$WIKI_DIR" in
    */wikitext-test-wiki.*) rm -rf "$WIKI_DIR" ;;
    *) log "not deleting unexpected directory '$WIKI_DIR'" ;;
  esac
}

cmd="${1:-}"
shift || true
case "$cmd" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  check) have_packages ;;
  install) install_packages ;;
  *) echo "usage: $0 start [--lang CODE] [--env-file FILE] [--no-install] | stop DIR|ENV-FILE | check | install" >&2; exit 2 ;;
esac
