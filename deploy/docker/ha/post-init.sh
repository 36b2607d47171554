#!/bin/sh
# Patroni's post_init on the member that initialises the cluster (argument: a connection string as
# the superuser): the owner binhyen (CREATEROLE BYPASSRLS, not a superuser) and the application
# login binhyen_app, as deploy/ha.sh creates them; the core migration V1 then only grants.
set -eu
psql "$1" -v ON_ERROR_STOP=1 \
  -v owner="$BINHYEN_OWNER_PASSWORD" -v app="$BINHYEN_APP_PASSWORD" <<'SQL'
CREATE ROLE binhyen LOGIN CREATEROLE BYPASSRLS PASSWORD :'owner';
CREATE ROLE binhyen_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app';
GRANT binhyen_app TO binhyen WITH ADMIN OPTION;
CREATE DATABASE binhyen OWNER binhyen;
SQL
