@doc:example-1 @needs:creator @needs:fillable-form
Feature: Creating an account for someone else
  Example 1: "If you are creating an account for someone else, you'll need to specify a reason for the
  same by including a reason parameter to the POST request. You could also use mailpassword in place of
  password and retype parameters to have MediaWiki send the new user a temporary password via email."
  The older revision of the page: "This can be a new account for yourself, or you can create an account
  for someone else, with a random password mailed to that person. Account creations are recorded in
  Special:log/newusers. If you're logged in, your username will also be recorded when creating an account."
  The table of possible errors: noemailcreate, "You need to provide a valid email address".
  The creator is a user of the wiki who may create accounts; the environment file names the environment
  variable that holds its credentials (credentials: creator). MediaWiki records such a creation in the
  newusers log with the creator as performer and the reason as comment: as create2 ("User account $3 was
  created by $1"), or as byemail ("... created by $1 and password was sent by email") with mailpassword.

  Background:
    Given I am logged in as a user who may create accounts
    And I have fetched the fields and a createaccount token as that user

  @id:for-someone-else-reason @creates-account
  Scenario: An account created for someone else, with a reason
    Then the announced fields include
      | reason |
    When I create an account for someone else with the reason "mwconform: an account for a colleague"
    Then account creation passes for that username
    And the account exists
    And the newusers log records me as its creator, with the reason

  @id:for-someone-else-mailpassword @creates-account
  Scenario: A temporary password is mailed to the new user instead of a password
    When I create an account for someone else with the reason "mwconform: password by email", using mailpassword instead of password and retype, for the email address "new-user@example.org"
    Then account creation passes for that username
    And the account exists
    And the newusers log records me as its creator, with the reason, and that its temporary password was mailed

  @id:noemailcreate @doc:possible-errors @may-create-account
  Scenario: mailpassword without an email address
    When I create an account for someone else with the reason "mwconform: password by email", using mailpassword instead of password and retype, without an email address
    Then account creation fails with messagecode "noemailcreate"
    And no account was created

  @id:for-someone-else-no-reason @creates-account @beyond-docs
  Scenario: An account created for someone else without a reason
    "You'll need to specify a reason" is an obligation of the client: the documentation names no error
    for a missing reason, and this scenario does not claim the server enforces one. It records what a
    wiki does when a client omits it: MediaWiki 1.39 announces the reason as an optional request
    (CreationReasonAuthenticationRequest) and creates the account, logging it with an empty comment.
    When I create an account for someone else without a reason
    Then account creation passes for that username
    And the account exists
    And the newusers log records me as its creator, with no reason
