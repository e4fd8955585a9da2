@doc:possible-errors @needs:anonymous-creation @needs:fillable-form @needs:blocker @may-create-account @beyond-docs
Feature: An address blocked from creating accounts
  "If at any point account creation fails, a response with status FAIL will be returned, along with a
  message to display to the user." The table of possible errors names no code for a client whose IP
  address is blocked from creating accounts; MediaWiki 1.39 answers FAIL with messagecode "blocked" and
  the block notice (blockedtext) as its message (AuthManager::checkAccountCreatePermissions). The block
  is placed by the environment file's blocker, on the scenario's own loopback address only, for an hour.

  @id:blocked-address
  Scenario: A client whose address is blocked from creating accounts is refused
    Given I have fetched the fields and a createaccount token
    And my address is blocked from creating accounts
    When I create an account with a fresh username and a strong password
    Then account creation fails with messagecode "blocked"
    And no account was created
