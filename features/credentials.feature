@doc:possible-errors @needs:anonymous-creation
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
    On a read-only wiki the name is an existing account's with the ending (a wiki that drops what
    follows "#" meets userexists) and the retyped password differs (badretype, the last check).
    When I create an account whose username ends in "<ending>"
    Then account creation fails with messagecode "invaliduser"

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
    A safe probe, refused like the names above; on a read-only wiki the retyped password differs.
    When I create an account whose username is an IP address
    Then account creation fails with messagecode "invaliduser"

  @id:passwordincommonlist @may-create-account @beyond-docs
  Scenario: A password from the list of common passwords
    The password is one that the wiki's own policy (action=validatepassword) refuses for being common and
    for nothing else: a wiki with a longer minimum length gets a longer one, never a different refusal.
    When I create an account with a password from the list of common passwords
    Then account creation fails with messagecode "passwordincommonlist"
    And no account was created

  @id:password-substring-username-match @may-create-account @beyond-docs
  Scenario: A password that is the username
    When I create an account whose password is its username
    Then account creation fails with messagecode "password-substring-username-match"
    And no account was created
