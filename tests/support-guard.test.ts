import axios from "axios";

it("the test guard refuses connections that would leave the machine", async () => {
  const error = (await axios
    .get("http://169.254.169.254/", { timeout: 5000 })
    .catch((e: unknown) => e)) as Error;
  expect(error.message).toContain("test guard: connection to 169.254.169.254 refused");
});
