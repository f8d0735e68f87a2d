import { useEffect } from "react";
import { useLocation } from "react-router-dom";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { HomeHero } from "./HomeHero";
import { NoticeBox } from "./NoticeBox";
import { PriceCalculator } from "./PriceCalculator";
import { ServiceCards } from "./ServiceCards";

export function HomePage() {
  useDocumentTitle();
  const { hash, key } = useLocation();

  // 价格查询 in the header links to /#price; scroll there on arrival and on every click.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` changes on every navigation, even to the same hash
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: "smooth" });
  }, [hash, key]);

  return (
    <>
      <HomeHero />
      <div className="container">
        <ServiceCards />
        <PriceCalculator />
        <section className="home-section">
          <NoticeBox />
        </section>
      </div>
    </>
  );
}
