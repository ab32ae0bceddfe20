package models

import "testing"

func TestMoneyOfCountsOpenBenefitByHealthAndLeavesCancelledOut(t *testing.T) {
	list := []Initiative{
		{Status: InitiativeActive, Health: HealthGreen, ExpectedBenefit: 100, Budget: 50, SpendToDate: 20},
		{Status: InitiativeActive, Health: HealthRed, ExpectedBenefit: 300, Budget: 100, SpendToDate: 90},
		{Status: InitiativeOnHold, Health: HealthAmber, ExpectedBenefit: 200, Budget: 10},
		{Status: InitiativeDone, Health: HealthGreen, ExpectedBenefit: 400, Budget: 40, SpendToDate: 40, RealisedBenefit: 320},
		{Status: InitiativeCancelled, Health: HealthRed, ExpectedBenefit: 1000, Budget: 999, SpendToDate: 999},
		{Status: InitiativeProposed, Health: HealthGreen, ExpectedBenefit: 70},
	}
	m := MoneyOf(list)
	tests := []struct {
		what      string
		got, want float64
	}{
		{"at risk (amber and red, open)", m.AtRisk(), 500},
		{"open expected", m.OpenExpected(), 600},
		{"budget without the cancelled", m.Budget, 200},
		{"spend without the cancelled", m.Spend, 150},
		{"expected without the cancelled", m.Expected, 1070},
		{"not started, apart from green", m.NotStarted, 70},
		{"realised", m.Realised, 320},
		{"spent on the cancelled, kept apart", m.CancelledSpend, 999},
		{"share at risk", Share(m.AtRisk(), m.OpenExpected()), 500.0 / 600},
		{"share of nothing", Share(5, 0), 0},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: %v, want %v", tc.what, tc.got, tc.want)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		v        float64
		currency string
		want     string
	}{
		{240000, "EUR", "€240,000"}, {1234567.6, "GBP", "£1,234,568"}, {999, "USD", "$999"},
		{12500, "NOK", "12,500 NOK"}, {0, "", "0"}, {-1500, "EUR", "€-1,500"}, {100, "", "100"},
	}
	for _, tc := range tests {
		if got := FormatMoney(tc.v, tc.currency); got != tc.want {
			t.Errorf("FormatMoney(%v, %q) = %q, want %q", tc.v, tc.currency, got, tc.want)
		}
	}
}
