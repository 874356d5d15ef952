#!/usr/bin/env bash
# Builds Migochat and starts it on Payara Micro. With no MIGOCHAT_DB_URL set it uses the embedded
# H2 database in ./data; the schema is migrated before the application serves anything.
# Environment: MIGOCHAT_PORT (default 8080), MIGOCHAT_DB_URL / _USER / _PASSWORD,
# MIGOCHAT_ADMIN_PASSWORD (default: a random one, written to data/admin-password and printed
# below). Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"

port="${MIGOCHAT_PORT:-8080}"
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)"
micro_jar="target/payara-micro-${payara_version}.jar"
war="migochat-web/target/migochat.war"
log="data/migochat.log"

if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
  echo "Port ${port} is already in use. Stop what uses it, or choose another: MIGOCHAT_PORT=8081 $0" >&2
  exit 1
fi

# Build unless the WAR is newer than every source and pom (a restart then starts at once).
if [ -f "${war}" ] && [ -z "$(find pom.xml migochat-*/pom.xml migochat-*/src -newer "${war}" -print -quit 2>/dev/null)" ]; then
  echo "Migochat is built: no source changed since ${war} was (delete it to force a build)."
else
  echo "Building Migochat (mvn package, tests skipped; run 'mvn -B verify' for the tests)..."
  mvn -q -B -Dstyle.color=never package -DskipTests -Dspotless.check.skip -pl migochat-web -am
fi
if [ ! -f "${micro_jar}" ]; then
  mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="fish.payara.extras:payara-micro:${payara_version}" \
    -DoutputDirectory=target -Dmdep.stripVersion=false
fi

mkdir -p data
echo "Starting Payara Micro ${payara_version} on port ${port} (log: ${log})..."
java -Xmx512m -XX:+UseSerialGC -jar "${micro_jar}" \
  --nocluster --port "${port}" --deploy "${war}" >"${log}" 2>&1 &
micro_pid=$!
trap 'kill "${micro_pid}" 2>/dev/null; wait "${micro_pid}" 2>/dev/null; exit 0' INT TERM

until grep -q " ready in " "${log}" 2>/dev/null; do
  if ! kill -0 "${micro_pid}" 2>/dev/null; then
    echo "Payara Micro stopped during startup. The end of ${log}:" >&2
    tail -n 40 "${log}" >&2
    exit 1
  fi
  sleep 1
done

readiness="$(curl -s "http://127.0.0.1:${port}/health/ready" || true)"
# The log names the file of a generated password (readable by this user only), never the password.
password_file="$(sed -n 's/.*with the generated password in \(.*\) (only its owner may read it.*/\1/p' "${log}" | tail -n 1)"
if [ -n "${password_file}" ] && [ -r "${password_file}" ]; then
  password="$(cat "${password_file}") (from ${password_file})"
else
  password="(the MIGOCHAT_ADMIN_PASSWORD you set)"
fi
cat <<BANNER

  Migochat is running.
    Admin page : http://localhost:${port}/migochat/admin/migrations.xhtml
    Log in as  : admin
    Password   : ${password}
    Database   : ${MIGOCHAT_DB_URL:-embedded H2 in $(pwd)/data}
    Readiness  : ${readiness}
    Log        : ${log}
  Stop with Ctrl+C.

BANNER
grep -E "Schema (migrated|is current)|Migration (of changeset|failed)" "${log}" | sed 's/.*\] //' || true
wait "${micro_pid}"
