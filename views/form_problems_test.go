package views

import (
	"errors"
	"testing"

	"cxcommittee/models"
)

// TestAFieldThatCannotBeReadIsNamedOnce: the rules judge an unreadable
// field as blank (or zero), so what they say of it is left out; what they
// say of other fields, and of the form, stays.
func TestAFieldThatCannotBeReadIsNamedOnce(t *testing.T) {
	var read problems
	read.amount(0, fieldError("Value", `measured value "abc" is not a number`))
	read.whole(0, nil)
	rules := models.JoinProblems(
		fieldError("Value", "measured value 0 is below the scale minimum 1"),
		fieldError("Date", "measurement date is required"),
		errors.New("the target no longer exists"))
	var got []string
	for _, p := range models.ProblemList(read.and(rules)) {
		got = append(got, p.Error())
	}
	want := []string{`measured value "abc" is not a number`, "measurement date is required", "the target no longer exists"}
	if len(got) != len(want) {
		t.Fatalf("problems %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d is %q, want %q", i, got[i], want[i])
		}
	}
}
