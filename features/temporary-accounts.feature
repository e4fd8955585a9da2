@doc:temporary-accounts @beyond-docs
Feature: Temporary accounts
  Manual:$wgAutoCreateTempUser (mediawiki.org): "Configuration for automatic creation of temporary accounts on page
  save. This can be enabled optionally, and disabled by default." Help:Temporary accounts: "When a logged-out user
  makes an edit, a temporary account is created for them", and it "can be converted into a permanent account" by
  creating one. "API:Account creation" says nothing of them; MediaWiki 1.43 LTS has them, and Wikimedia's wikis run
  them (wikimedia/operations-mediawiki-config, wmf-config/CommonSettings.php, "Temporary accounts").
  The names of temporary accounts follow patterns the wiki configures (genPattern, matchPattern, reservedPattern;
  "~2$1" on Wikimedia's wikis): every scenario reads them from meta=siteinfo&siprop=autocreatetempuser, which the run
  asked before any scenario, and decides there whether it applies. A wiki whose siteinfo does not know the property
  (MediaWiki 1.39 warns "Unrecognized value"), or says temporary accounts are off, gets not-applicable with that answer.
  Names in a match pattern are reserved (RealTempUserConfig::isReservedName): nobody may create an account with one.

  @id:temp-siteinfo @needs:temporary-accounts @read-only
  Scenario: Siteinfo says that temporary accounts are on, and which names they have
    Then siteinfo says that temporary accounts are enabled and names the patterns of their names

  @id:temp-reserved-cancreate @needs:temporary-account-names @read-only
  Scenario: A username in the temporary account pattern cannot be created, as list=users tells without creating anything
    The read-only judgement of the refusal: list=users&usprop=cancreate runs the checks of account creation on a name
    and creates nothing, so this runs on read-only wikis such as test.wikipedia.org.
    When I ask list=users whether an account can be created with a username in the wiki's temporary account pattern
    Then it answers that no account can be created with that name, with the code "invaliduser"

  @id:temp-reserved-createaccount @needs:temporary-account-names @needs:anonymous-creation @needs:fillable-form @may-create-account
  Scenario: Account creation refuses a username in the temporary account pattern
    When I create an account whose username is in the wiki's temporary account pattern
    Then account creation fails with messagecode "invaliduser"
    And no account was created

  @id:temp-user-by-edit @needs:temporary-accounts @creates-account
  Scenario: An anonymous edit creates a temporary user, and the session becomes that user
    Help:Temporary accounts: "When a logged-out user makes an edit, a temporary account is created for them."
    The temporary account is an account: this needs a wiki where accounts may be created.
    When I edit a page without being logged in
    Then the edit answers that a temporary user was created
    And the session is logged in as a temporary user whose name is in one of the wiki's patterns
    And list=users shows the temporary account

  @id:temp-user-authmanagerinfo @needs:temporary-accounts @creates-account
  Scenario: Authmanagerinfo for a temporary user's session names the temporary user as the account
    Given a temporary user
    When I ask authmanagerinfo which fields account creation uses
    Then it says that accounts can be created
    And authmanagerinfo names the temporary user as the account of the password request

  @id:temp-user-creates-account @needs:temporary-accounts @needs:fillable-form @creates-account
  Scenario: A temporary user creates a named account; the session is anonymous afterwards
    Help:Temporary accounts: a temporary account "can be converted into a permanent account". Through the API, the
    temporary user's session creates a named account with the documented procedure. The new account is logged as
    created by itself (newusers/create), not by the temporary user, and the session is logged out of the temporary user.
    Given a temporary user
    And I have fetched the fields and a createaccount token
    When the temporary user creates an account with a fresh username and a strong password
    Then account creation passes for that username
    And the account exists
    And the session is anonymous afterwards
    And the newusers log records its creation

  @id:temp-account-throttle @needs:temporary-accounts @needs:temporary-account-throttle @creates-account @exhausts-throttle
  Scenario: Past the temporary-account throttle, an anonymous edit is refused
    $wgTempAccountCreationThrottle: "Number of temporary accounts each IP address may create per specified period(s)."
    The API does not expose it: the environment file declares it (capabilities.tempAccountCreationThrottle).
    Given temporary users have been created from my address as many times as the temporary-account throttle allows
    When I edit a page without being logged in, in a new session from the same address
    Then the edit is refused with error code "acct_creation_throttle_hit", and the session is still anonymous
