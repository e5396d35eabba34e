#!/usr/bin/env bash
# One database and one user per subgraph, created by the mysql image on its first start (an empty
# data volume): docker-compose.yml mounts this folder on /docker-entrypoint-initdb.d.
#
# A shell script rather than .sql because the passwords come from the environment
# (<SUBGRAPH>_DB_PASSWORD, passed to the mysql service by docker-compose.yml), never from a
# committed file. Each user may only touch its own database, with the privileges TypeORM migrations
# need; no subgraph can read another's tables. A subgraph whose password is not set is skipped, so
# its line below comes alive the day compose passes the password (and re-creating the volume, or
# running this script by hand, adds it to an existing server).
#
# The image sources a non-executable script (and runs an executable one); both work. The options
# below are the ones the image's entrypoint already runs with, so sourcing changes nothing there,
# and a failed statement stops the initialisation either way.
set -eo pipefail

run_root_sql() {
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql
  else
    MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-}" mysql --protocol=socket -uroot
  fi
}

# subgraph_database <database> <user> <name of the variable holding the user's password>
subgraph_database() {
  local database=$1 user=$2 password_variable=$3
  local password=${!password_variable:-}
  if [ -z "$password" ]; then
    echo "subgraph databases: ${password_variable} not set, skipping ${database}"
    return 0
  fi
  # Quoted for an SQL string literal: backslashes doubled, single quotes doubled.
  password=${password//\\/\\\\}
  password=${password//\'/\'\'}
  run_root_sql <<SQL
CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON \`${database}\`.* TO '${user}'@'%';
SQL
  echo "subgraph databases: ${database} ready for user ${user}"
}

subgraph_database hub_registry registry REGISTRY_DB_PASSWORD
subgraph_database hub_civil_status civil_status CIVIL_STATUS_DB_PASSWORD
subgraph_database hub_land land LAND_DB_PASSWORD
subgraph_database hub_social social SOCIAL_DB_PASSWORD
