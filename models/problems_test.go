package models

import (
	"errors"
	"testing"
)

// TestValidateNamesEveryProblemAtOnce: a record with several things wrong
// says all of them, each with its field, in the order a form shows the
// fields, on one line; one problem is said as before.
func TestValidateNamesEveryProblemAtOnce(t *testing.T) {
	tests := []struct {
		name    string
		rec     interface{ Validate() error }
		fields  []string
		message string
	}{
		{"nothing wrong", &Department{Name: "Sales"}, nil, ""},
		{"one problem", &Department{}, []string{"Name"}, "department name is required"},
		{"a blank initiative, red without reason",
			&Initiative{Status: InitiativeActive, Health: HealthRed, PercentComplete: 120},
			[]string{"Title", "HealthReason", "PercentComplete"},
			"initiative title is required; a reason is required when health is red; percent complete must be between 0 and 100, not 120"},
		{"an unknown health is not also asked for a reason",
			&Initiative{Title: "Refunds", Status: InitiativeActive, Health: "purple"},
			[]string{"Health"}, `initiative health "purple" is not one of green, amber or red`},
		{"a member without name or email",
			&Member{Role: RoleMember},
			[]string{"Name", "Email"}, "member name is required; member email is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rec.Validate()
			var fields []string
			for _, p := range ProblemList(err) {
				var fe *FieldError
				if !errors.As(p, &fe) {
					t.Fatalf("problem %v is not a field's", p)
				}
				fields = append(fields, fe.Field)
			}
			if len(fields) != len(tt.fields) {
				t.Fatalf("fields %v, want %v (%v)", fields, tt.fields, err)
			}
			for i := range fields {
				if fields[i] != tt.fields[i] {
					t.Errorf("fields %v, want %v", fields, tt.fields)
				}
			}
			if got := errorText(err); got != tt.message {
				t.Errorf("message %q, want %q", got, tt.message)
			}
			var fe *FieldError
			if err != nil && (!errors.As(err, &fe) || fe.Field != tt.fields[0]) {
				t.Errorf("errors.As finds %v, want the first problem's field %s", fe, tt.fields[0])
			}
		})
	}
}

// TestJoinProblemsLaysThemFlat: nothing is nil, one is itself, several
// (problems within problems too) are one flat list.
func TestJoinProblemsLaysThemFlat(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	if JoinProblems() != nil || JoinProblems(nil, nil) != nil {
		t.Error("no problem is not nil")
	}
	if JoinProblems(nil, a) != a {
		t.Error("one problem is not itself")
	}
	got := ProblemList(JoinProblems(a, JoinProblems(b, c)))
	if len(got) != 3 || got[0] != a || got[1] != b || got[2] != c {
		t.Errorf("laid flat as %v, want [a b c]", got)
	}
	if !errors.Is(JoinProblems(a, b), b) {
		t.Error("errors.Is does not see the second problem")
	}
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
