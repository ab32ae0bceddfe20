package models

import (
	"strings"
	"testing"
)

func TestUncoveredDepartments(t *testing.T) {
	asOf := MustDate("2026-11-23")
	depts := []Department{{Record: Record{ID: 1}, Name: "IT"}, {Record: Record{ID: 2}, Name: "HR"}, {Record: Record{ID: 3}, Name: "Supply Chain"}, {Record: Record{ID: 4}, Name: "Sales"}}
	members := []Member{
		{Name: "with authority", DepartmentID: Ptr(uint(1)), Role: RoleRepresentative, DecisionAuthority: true},
		{Name: "no authority", DepartmentID: Ptr(uint(2)), Role: RoleRepresentative},
		{Name: "left", DepartmentID: Ptr(uint(3)), Role: RoleRepresentative, DecisionAuthority: true, ActiveTo: MustDate("2026-06-30")},
		{Name: "not yet", DepartmentID: Ptr(uint(4)), Role: RoleRepresentative, DecisionAuthority: true, ActiveFrom: MustDate("2027-01-01")},
		{Name: "guest", DepartmentID: Ptr(uint(4)), Role: RoleGuest, DecisionAuthority: true},
		{Name: "no department", Role: RoleSponsor, DecisionAuthority: true},
	}
	got := UncoveredDepartments(depts, members, asOf)
	var names []string
	for _, d := range got {
		names = append(names, d.Name)
	}
	if strings.Join(names, ",") != "HR,Supply Chain,Sales" {
		t.Errorf("uncovered = %v, want HR, Supply Chain, Sales", names)
	}
}
