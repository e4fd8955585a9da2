@doc:possible-errors @needs:anonymous-creation @needs:fillable-form
Feature: Account creation that fails
  "If at any point account creation fails, a response with status FAIL will be returned, along with
  a message to display to the user." The documentation's table of possible errors lists, among others,
  the codes badretype (the passwords do not match), userexists (the username is already in use) and
  invalidemailaddress (the address "appears to have an invalid format"). A FAIL carries the code as
  its messagecode.

  @id:badretype @may-create-account
  Scenario: The retyped password differs
    Given I have fetched the fields and a createaccount token
    When I create an account whose retyped password differs
    Then account creation fails with messagecode "badretype"
    And no account was created

  @id:userexists @safe-probe
  Scenario: The username is already in use
    A safe probe: the account is one the wiki already has (list=allusers, never created here).
    MediaWiki refuses it in AuthManager::beginAccountCreation, before the CAPTCHA, the throttle and the
    password checks. On a read-only wiki nothing is posted: list=users judges it with a GET (the account exists,
    and canCreateAccount answers userexists first); where a POST is needed, its retyped password differs, so a
    wiki that let the name through would still refuse the request as badretype.
    Given I have fetched the fields and a createaccount token
    And the request names an account that already exists
    When I create an account with the same username
    Then account creation fails with messagecode "userexists"

  @may-create-account @doc:example-1
  Scenario Outline: The email address has an invalid format
    Given I have fetched the fields and a createaccount token
    When I create an account with the email address "<address>"
    Then account creation fails with messagecode "invalidemailaddress"
    And no account was created

    @id:invalidemailaddress-no-at
    Examples: no @ at all
      | address      |
      | not-an-email |

    @id:invalidemailaddress-no-local-part
    Examples: nothing before the @
      | address      |
      | @example.org |

  @id:invalidemailaddress-sample-fields @doc:example-2 @may-create-account
  Scenario: An invalid email address sent with only the fields of the documentation's sample
    The sample code of example 2 posts username, password, retype and email, without realname.
    Given I have fetched the fields and a createaccount token
    When I create an account with the email address "not-an-email" and no real name, as the documentation's sample does
    Then account creation fails with messagecode "invalidemailaddress"
    And no account was created
