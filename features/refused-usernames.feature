@doc:possible-errors @safe-probe @beyond-docs
Feature: Usernames that anti-abuse extensions refuse
  "If at any point account creation fails, a response with status FAIL will be returned, along with a
  message to display to the user." Production wikis refuse some new usernames with TitleBlacklist and
  AbuseFilter; the documentation names neither. The environment file names words that a rule of the
  wiki refuses in a username (capabilities.refusedUsernames), since the API cannot list what a blacklist
  or a private filter forbids; the usernames this harness generates never contain them. (The declaration
  is checked first: a wiki without one is not asked anything for these scenarios.)
  Safe probes: MediaWiki 1.39 runs both in testUserForCreation of their pre-authentication providers,
  before ConfirmEdit's CAPTCHA and before the primary provider checks the retyped password (measured on
  local-wikimedia: refused even without a CAPTCHA answer). On a read-only wiki the title blacklist is judged
  with a GET (list=users&usprop=cancreate: TitleBlacklist tests the name in testUserForCreation too); the abuse
  filter needs a POST, as AbuseFilter tests a new name only in testForAccountCreation, and its retyped password
  differs, so a wiki that let the name through would refuse the request at the CAPTCHA or as badretype.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:titleblacklist-forbidden @needs:title-blacklist @needs:anonymous-creation
  Scenario: A username that the title blacklist forbids
    When I create an account whose username contains the words the title blacklist refuses
    Then account creation fails with messagecode "titleblacklist-forbidden"
    And no account was created

  @id:abusefilter-disallowed @needs:abuse-filter @needs:anonymous-creation
  Scenario: A username that an abuse filter disallows
    When I create an account whose username contains the words the abuse filter refuses
    Then account creation fails with messagecode "abusefilter-disallowed"
    And no account was created
