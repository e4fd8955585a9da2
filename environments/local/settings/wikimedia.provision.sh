#!/usr/bin/env bash
# Provisioning of environments/local-wikimedia.yml, run by mwconform wiki up (org.mwconform.wikis) once per install
# (`tables`: after install.php; `content`: once the creator exists), with DIR (working folder), MW_ROOT, PHP and PHP_OPTS set.
# 1. the extensions' database tables (update.php); 2. FancyCaptcha images made by ConfirmEdit's own
# generator; 3. an AbuseFilter filter disallowing some new usernames; 4. the creator in accountcreator.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
read -r -a opts <<<"$PHP_OPTS"
mwphp() { "$PHP" "${opts[@]}" "$@"; }

if [[ "${1:-}" == tables ]]; then
  mwphp "$MW_ROOT/maintenance/update.php" --quick --conf "$DIR/LocalSettings.php"
  exit 0
fi

# captcha.py needs Debian's python3 with PIL (python3-pil): PATH may find another Python first.
mkdir -p "$DIR/captcha"
# captcha-old.py keeps only words of 4 or 5 letters (not starting with f, first two and last two letters differing).
printf "%s\n" wiki page edit user token login merge draft audit scene proof tests >"$DIR/captcha-words.txt"
printf '%s\n' badword >"$DIR/captcha-badwords.txt"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
[[ -f "$font" ]] || { echo "no font $font (Debian package fonts-dejavu-core)" >&2; exit 1; }
PATH="/usr/bin:$PATH" mwphp "$MW_ROOT/extensions/ConfirmEdit/maintenance/GenerateFancyCaptchas.php" \
  --conf "$DIR/LocalSettings.php" --wordlist "$DIR/captcha-words.txt" --badwordlist "$DIR/captcha-badwords.txt" \
  --font "$font" --fill 20 --oldcaptcha >"$DIR/logs/captcha.log" 2>&1
ls "$DIR/captcha" | grep -q '\.png$' || { echo "no CAPTCHA images, see logs/captcha.log" >&2; exit 1; }

# The filter: names containing "Abuse filtered" (either case) cannot be created. 1.39 keeps the
# author in af_user/af_user_text; 1.43 in af_actor. irlike: usernames start upper-case.
mwphp "$MW_ROOT/maintenance/eval.php" --conf "$DIR/LocalSettings.php" >"$DIR/logs/abusefilter.log" 2>&1 <<'PHP'
$mwcDb = MediaWiki\MediaWikiServices::getInstance()->getDBLoadBalancer()->getConnection( DB_PRIMARY ); $mwcCols = $mwcDb->fieldExists( 'abuse_filter', 'af_actor' ) ? [ 'af_actor' => 1 ] : [ 'af_user' => 0, 'af_user_text' => 'MediaWiki default' ];
if ( !$mwcDb->selectField( 'abuse_filter', 'af_id', [ 'af_public_comments' => 'mwconform: no abuse filtered usernames' ] ) ) { $mwcDb->insert( 'abuse_filter', $mwcCols + [ 'af_pattern' => 'action == "createaccount" & accountname irlike "abuse[ _-]filtered"', 'af_timestamp' => $mwcDb->timestamp(), 'af_enabled' => 1, 'af_comments' => 'provisioned by mwconform', 'af_public_comments' => 'mwconform: no abuse filtered usernames', 'af_hidden' => 0, 'af_hit_count' => 0, 'af_throttled' => 0, 'af_deleted' => 0, 'af_actions' => 'disallow', 'af_global' => 0, 'af_group' => 'default' ] ); $mwcDb->insert( 'abuse_filter_action', [ 'afa_filter' => $mwcDb->insertId(), 'afa_consequence' => 'disallow', 'afa_parameters' => '' ] ); }
echo 'mwconform abuse filter ready';
PHP
grep -q 'mwconform abuse filter ready' "$DIR/logs/abusefilter.log" || { echo "cannot provision the abuse filter, see logs/abusefilter.log" >&2; exit 1; }

mwphp "$MW_ROOT/maintenance/createAndPromote.php" --conf "$DIR/LocalSettings.php" --force --custom-groups accountcreator \
  Mwconform-creator >"$DIR/logs/promote.log" 2>&1 || { echo "cannot add the creator to accountcreator, see logs/promote.log" >&2; exit 1; }
