@doc:possible-errors @needs:anonymous-creation @needs:fillable-form
Feature: Credentials and usernames the wiki cannot accept
  The table of possible errors: authmanager-create-no-primary, "The supplied credentials could not be
  used for account creation." Example 1 names the fields of a wiki without special extensions:
  "username, password & retyped password". The other codes here are not in the documentation:
  MediaWiki 1.39 answers them, and clients meet them.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:authmanager-create-no-primary @may-create-account
  Scenario: Credentials that no primary provider can use
    When I create an account without retyping the password
    Then account creation fails with messagecode "authmanager-create-no-primary"
    And no account was created

  @id:username-normalised @creates-account @beyond-docs
  Scenario: A username is created in its normalised form
    MediaWiki capitalises the first letter and stores underscores as spaces; the PASS names the
    account as it was created.
    When I create an account whose username is written in lower case with underscores
    Then account creation passes for the normalised username
    And the account exists

  @safe-probe @beyond-docs
  Scenario Outline: A username that is not valid
    A safe probe: MediaWiki refuses a name that is not creatable in AuthManager::beginAccountCreation
    (UserNameUtils::getCanonical 'creatable'), before the CAPTCHA, the throttle and the password checks.
    On a read-only wiki nothing is posted: list=users&usprop=cancreate judges the name with a GET (AuthManager's
    canCreateAccount, where beginAccountCreation starts; a name list=users calls invalid fails its stricter check).
    Where a wiki answers no cancreate, the POST names an existing account's name with the ending (a wiki that
    drops what follows "#" meets userexists) and its retyped password differs (badretype, the last check).
    When I create an account whose username ends in "<ending>"
    Then account creation fails with messagecode "invaliduser"
    And no account was created

    @id:invaliduser-hash
    Examples: a character that titles cannot hold
      | ending |
      | #x     |

    @id:invaliduser-at
    Examples: a character $wgInvalidUsernameCharacters forbids
      | ending |
      | @x     |

  @id:invaliduser-ip @safe-probe @beyond-docs
  Scenario: An IP address is not a username
    A safe probe, refused like the names above, and judged by list=users with a GET on a read-only wiki; where a
    POST is needed there, its retyped password differs.
    When I create an account whose username is an IP address
    Then account creation fails with messagecode "invaliduser"
    And no account was created

  @id:passwordincommonlist @may-create-account @beyond-docs
  Scenario: A password from the list of common passwords
    The password is one that the wiki's own policy (action=validatepassword) refuses for being common and
    for nothing else: a wiki with a longer minimum length gets a longer one, never a different refusal.
    When I create an account with a password from the list of common passwords
    Then account creation fails with messagecode "passwordincommonlist"
    And no account was created

  @id:module-example-password @doc:module-help @may-create-account @beyond-docs
  Scenario: The password of the module's own example
    The module help's example creates "the user Example with the password ExamplePassword". MediaWiki refuses
    that password for every username: PasswordPolicyChecks::checkPasswordCannotMatchDefaults lists it as
    the "Example from ApiChangeAuthenticationRequest" (includes/password/PasswordPolicyChecks.php).
    When I create an account whose password is "ExamplePassword"
    Then account creation fails with messagecode "password-login-forbidden"
    And no account was created

  @id:password-substring-username-match @may-create-account @beyond-docs
  Scenario: A password that is the username
    When I create an account whose password is its username
    Then account creation fails with messagecode "password-substring-username-match"
    And no account was created
