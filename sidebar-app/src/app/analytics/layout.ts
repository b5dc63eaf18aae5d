/** The analytics page's boxes and tables, shared so every section looks alike. */
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';

export const Cards = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
  gap: ${(p) => p.theme.space.md};
`;

export const Card = styled.section`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
`;

export const Table = styled.table`
  border-collapse: collapse;
  width: 100%;
  font-size: ${(p) => p.theme.fontSizes.sm};
  th,
  td {
    text-align: left;
    padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
    border-bottom: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  /* Too few tickets or ratings to judge: shown, but quieter. */
  tr.few td,
  td.few {
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;

/** Tables wider than the page scroll sideways instead of squeezing their columns. */
export const Scroll = styled.div`
  overflow-x: auto;
`;
