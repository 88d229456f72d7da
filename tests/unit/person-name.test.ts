import { describe, expect, it } from "vitest";
import { familyNameFirst, personName } from "../../src/domain/person-name";

describe("personName: each person's own order", () => {
  it("greets a Vietnamese applicant family name first (the tester saw 'Chào Thị Lan Nguyễn')", () => {
    expect(personName({ familyName: "Nguyễn", givenName: "Thị Lan", nationality: "VN" })).toBe("Nguyễn Thị Lan");
  });

  it("puts the family name first for Japanese, Chinese and Korean names", () => {
    expect(personName({ familyName: "山田", givenName: "花子", nationality: "JP" })).toBe("山田 花子");
    expect(personName({ familyName: "Wang", givenName: "Fang", nationality: "CN" })).toBe("Wang Fang");
    expect(personName({ familyName: "Kim", givenName: "Min-jun", nationality: "KR" })).toBe("Kim Min-jun");
  });

  it("puts the given name first elsewhere, and when the nationality is unknown", () => {
    expect(personName({ familyName: "Santos", givenName: "Maria", nationality: "PH" })).toBe("Maria Santos");
    expect(personName({ familyName: "Wijaya", givenName: "Budi", nationality: "ID" })).toBe("Budi Wijaya");
    expect(personName({ familyName: "Santos", givenName: "Maria", nationality: null })).toBe("Maria Santos");
  });

  it("shows the one part known, trims, and gives null for no name", () => {
    expect(personName({ familyName: "Sukarno", givenName: null, nationality: "ID" })).toBe("Sukarno");
    expect(personName({ familyName: " Nguyễn ", givenName: "  ", nationality: "vn" })).toBe("Nguyễn");
    expect(personName({ familyName: null, givenName: undefined })).toBeNull();
  });

  it("reads the nationality without case", () => {
    expect(familyNameFirst("vn")).toBe(true);
    expect(familyNameFirst("TH")).toBe(false);
    expect(familyNameFirst(undefined)).toBe(false);
  });
});
