@doc:example-1 @needs:anonymous-creation @needs:fillable-form
Feature: Creating an account
  "Post to this module, supplying createreturnurl and any relevant fields. [...] If you received PASS
  or FAIL, you're done. The operation either succeeded or it didn't."
  Example 1 answers {"createaccount": {"status": "PASS", "username": "Zane"}}, and
  "Account creations are recorded in Special:log/newusers."

  @id:create-account-pass @creates-account
  Scenario: An account is created from the fields that authmanagerinfo announces
    Given I have fetched the fields and a createaccount token
    When I create an account with a fresh username and a strong password
    Then account creation passes for that username
    And the account exists
    And the newusers log records its creation
